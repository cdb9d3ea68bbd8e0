import type { AppContext } from '../app-context.ts';
import type { Business } from '../businesses/business.ts';
import { recordEvent } from '../events/event-repo.ts';
import { notifyStaff } from '../notifications/notify-staff.ts';
import { decideCall } from './call-repo.ts';
import type { Call } from './call-repo.ts';
import { isMissedVerdict } from './call-webhook-schema.ts';
import type { CallVerdict } from './call-webhook-schema.ts';
import { handleMissedCall } from './handle-missed-call.ts';

export interface CallDecision {
  verdict: CallVerdict;
  /** The provider's own status value, kept as it arrived. */
  dialStatus: string | null;
  /** How long the caller waited, when known. */
  durationSeconds: number | null;
  /** Which webhook decided, for the event log. */
  source: 'voice' | 'dial-status' | 'status' | 'settle';
}

/**
 * Records a call's verdict once, whichever webhook arrives first, and starts the text back for
 * a missed call. Later webhooks about a decided call change nothing.
 */
export async function applyCallDecision(
  ctx: AppContext,
  business: Business,
  call: Call,
  decision: CallDecision,
): Promise<void> {
  const isMissed = isMissedVerdict(decision.verdict);
  const status = decision.verdict === 'unknown' ? 'unknown' : isMissed ? 'missed' : 'answered';
  const decided = await decideCall(ctx.db, call.id, {
    status,
    verdict: decision.verdict,
    dialStatus: decision.dialStatus,
    durationSeconds: decision.durationSeconds ?? ringSecondsSoFar(ctx, call),
  });
  if (!decided) {
    ctx.log.debug({ businessId: business.id, callId: call.id, source: decision.source }, 'call already decided');
    return;
  }

  await recordEvent(ctx.db, {
    businessId: business.id,
    callId: call.id,
    conversationId: call.conversationId,
    type: `call.${status}`,
    data: { verdict: decision.verdict, dialStatus: decision.dialStatus, durationSeconds: decided.durationSeconds, source: decision.source },
  });
  ctx.log.info({ businessId: business.id, callId: call.id, verdict: decision.verdict }, 'call decided');
  ctx.realtime.publish(business.id, 'call:updated', { callId: call.id, conversationId: call.conversationId });

  if (decision.verdict === 'forwarding_failed') {
    await notifyStaff(ctx, {
      businessId: business.id,
      callId: call.id,
      kind: 'forwarding_failed',
      message: `A call could not be put through to ${business.forwardingNumber ?? 'the forwarding number'}. Check that the phone is on and reachable.`,
    });
  }
  if (decision.verdict === 'unknown') {
    ctx.log.warn({ businessId: business.id, callId: call.id, dialStatus: decision.dialStatus }, 'call outcome not recognised');
  }
  if (isMissed) {
    await handleMissedCall(ctx, business, decided);
  }
}

function ringSecondsSoFar(ctx: AppContext, call: Call): number {
  return Math.max(0, Math.round((ctx.now().getTime() - call.createdAt.getTime()) / 1000));
}
