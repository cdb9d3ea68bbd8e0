import type { AppContext } from '../app-context.ts';
import type { Business } from '../businesses/business.ts';
import { VoiceResponse } from '../webhooks/twiml.ts';
import { expireForwardingChecks, forwardingCheckTimeoutMs } from './expire-forwarding-checks.ts';
import {
  createForwardingCheck,
  finishForwardingCheck,
  findPendingForwardingCheck,
  setOutboundCallSid,
} from './forwarding-check-repo.ts';
import type { ForwardingCheck } from './forwarding-check-repo.ts';

/**
 * How long the test call rings before Twilio gives up. Carriers forward an unanswered call after
 * their own no-answer time, commonly 15 to 30 s, so this must be longer than that.
 */
export const testCallRingSeconds = 45;

export type StartForwardingCheckResult =
  | { ok: true; check: ForwardingCheck }
  | { ok: false; code: 'not_forwarded_mode' | 'missing_carrier_number'; message: string };

/**
 * Starts a "call me to test" check: records a pending check, then calls the business's carrier
 * number from the textback number and lets it ring. The check passes when the carrier forwards
 * that call back (see `interceptForwardingCheckCall`) and fails when the timeout passes first.
 * A check already pending is returned as it is, so a double click places one call.
 */
export async function startForwardingCheck(
  ctx: AppContext,
  business: Business,
): Promise<StartForwardingCheckResult> {
  if (business.connectionMode !== 'forwarded') {
    return {
      ok: false,
      code: 'not_forwarded_mode',
      message:
        'The forwarding check works only in "Forwarded when unanswered" mode. ' +
        'Choose it and save first.',
    };
  }
  if (!business.carrierNumber) {
    return {
      ok: false,
      code: 'missing_carrier_number',
      message:
        'Enter and save your business phone number first, so textback knows which number ' +
        'to call.',
    };
  }
  await expireForwardingChecks(ctx);
  const pending = await findPendingForwardingCheck(ctx.db, business.id);
  if (pending) {
    return { ok: true, check: pending };
  }

  const log = ctx.log.child({ businessId: business.id });
  const startedAt = ctx.now();
  const check = await createForwardingCheck(ctx.db, {
    businessId: business.id,
    carrierNumber: business.carrierNumber,
    startedAt,
    expiresAt: new Date(startedAt.getTime() + forwardingCheckTimeoutMs),
  });
  const placed = await ctx.provider.placeCall({
    from: business.phoneNumber,
    to: business.carrierNumber,
    twiml: buildTestCallTwiml(),
    timeoutSeconds: testCallRingSeconds,
  });
  if (!placed.ok) {
    log.warn({ checkId: check.id, errorCode: placed.errorCode }, 'forwarding check call failed');
    const failureReason = `textback could not call ${business.carrierNumber}: ${placed.errorMessage}`;
    const outcome = { status: 'failed', failureReason } as const;
    const failed = await finishForwardingCheck(ctx.db, check.id, outcome, ctx.now());
    return { ok: true, check: failed ?? check };
  }
  await setOutboundCallSid(ctx.db, check.id, placed.providerId);
  log.info({ checkId: check.id, callSid: placed.providerId }, 'forwarding check started');
  ctx.tasks.runLater('expire forwarding check', forwardingCheckTimeoutMs, async () => {
    await expireForwardingChecks(ctx);
  });
  return { ok: true, check: { ...check, outboundCallSid: placed.providerId } };
}

/** What someone hears who answers the test call at the business, which makes the check fail. */
function buildTestCallTwiml(): string {
  const twiml = new VoiceResponse();
  twiml.say(
    'This is a textback forwarding test. Next time, let it ring so your carrier forwards it.',
  );
  twiml.hangup();
  return twiml.toString();
}
