import type { RequestHandler } from 'express';
import type { AppContext } from '../app-context.ts';
import { findBusinessByNumber } from '../businesses/business-repo.ts';
import type { Business } from '../businesses/business.ts';
import { callWebhookSchema } from '../calls/call-webhook-schema.ts';
import type { CallWebhook } from '../calls/call-webhook-schema.ts';
import { parseCallerId, toE164 } from '../lib/phone-number.ts';
import { VoiceResponse, sendTwiml } from '../webhooks/twiml.ts';
import {
  finishForwardingCheck,
  findPendingForwardingCheck,
  isForwardedCheckCall,
} from './forwarding-check-repo.ts';
import type { ForwardingCheck } from './forwarding-check-repo.ts';

/**
 * Catches the forwarded test call of a "call me to test" check before the voice webhooks treat
 * it as a lead's missed call. Mount it on `POST /voice` and `POST /voice/status`.
 *
 * A call is the test call when it comes from the textback number itself, because the carrier
 * kept the caller ID of textback's test call. While a check is pending, a call from the carrier
 * number, or forwarded from it with the caller ID withheld, is one too. The first webhook passes
 * the check and gets a short spoken "Forwarding works". Later webhooks for that call get empty
 * TwiML and are dropped. Any other call goes on to the normal routes.
 */
export function interceptForwardingCheckCall(ctx: AppContext): RequestHandler {
  return async (req, res, next) => {
    const parsed = callWebhookSchema.safeParse(req.body);
    const calledNumber = parsed.success ? toE164(parsed.data.To ?? parsed.data.Called ?? '') : null;
    const business = calledNumber ? await findBusinessByNumber(ctx.db, calledNumber) : null;
    if (!parsed.success || !business) {
      next();
      return;
    }
    const form = parsed.data;
    const isFirstWebhook = req.path === '/voice';
    const isKnownTestCall = await isForwardedCheckCall(ctx.db, form.CallSid);
    const pending = isKnownTestCall ? null : await findPendingForwardingCheck(ctx.db, business.id);
    const isLoopback = toE164(form.From ?? '') === business.phoneNumber;
    if (!isKnownTestCall && !isLoopback && !(pending && isForwardedFromCarrier(pending, form))) {
      next();
      return;
    }

    const log = ctx.log.child({ businessId: business.id, callSid: form.CallSid });
    if (isFirstWebhook && pending) {
      await passCheck(ctx, business, pending, form.CallSid);
    } else if (isFirstWebhook && !isKnownTestCall) {
      log.info('call from the textback number itself with no check pending; not a lead');
    }
    sendTwiml(res, isFirstWebhook ? buildForwardingWorksTwiml() : new VoiceResponse());
  };
}

/**
 * Checks for the test call as carriers that replace the caller ID forward it: from the
 * business's own number, or forwarded from it with no caller ID.
 */
function isForwardedFromCarrier(check: ForwardingCheck, form: CallWebhook): boolean {
  if (toE164(form.From ?? '') === check.carrierNumber) {
    return true;
  }
  const forwardedFrom = toE164(form.ForwardedFrom ?? '');
  return forwardedFrom === check.carrierNumber && parseCallerId(form.From).kind === 'withheld';
}

async function passCheck(
  ctx: AppContext,
  business: Business,
  check: ForwardingCheck,
  callSid: string,
): Promise<void> {
  const finished = await finishForwardingCheck(
    ctx.db,
    check.id,
    { status: 'passed', forwardedCallSid: callSid },
    ctx.now(),
  );
  if (finished) {
    const fields = { businessId: business.id, checkId: check.id, callSid };
    ctx.log.info(fields, 'forwarding check passed');
  }
}

function buildForwardingWorksTwiml(): InstanceType<typeof VoiceResponse> {
  const twiml = new VoiceResponse();
  twiml.say('Forwarding works. This was a textback test call. Goodbye.');
  twiml.hangup();
  return twiml;
}
