import { Router } from 'express';
import type { Request } from 'express';
import type { AppContext } from '../app-context.ts';
import { findBusinessByNumber } from '../businesses/business-repo.ts';
import type { Business } from '../businesses/business.ts';
import { interceptForwardingCheckCall } from '../forwarding-check/intercept-forwarding-check-call.ts';
import { AppError } from '../lib/errors.ts';
import { toE164 } from '../lib/phone-number.ts';
import { canTextCaller } from '../text-back/can-text-caller.ts';
import { buildMissedCallTwiml } from '../voicemail/voicemail-twiml.ts';
import { VoiceResponse, sendTwiml } from '../webhooks/twiml.ts';
import { findOrCreateCall, updateCall } from './call-repo.ts';
import type { Call } from './call-repo.ts';
import {
  callWebhookSchema,
  isMachineAnswer,
  parseSeconds,
  verdictFromCallStatus,
  verdictFromDialStatus,
} from './call-webhook-schema.ts';
import type { CallVerdict, CallWebhook } from './call-webhook-schema.ts';
import { applyCallDecision } from './decide-call.ts';
import { dialOutcomeGraceMs, settleUndecidedCalls } from './settle-undecided-calls.ts';

type VoiceTwiml = InstanceType<typeof VoiceResponse>;

/**
 * Twilio's voice webhooks: the incoming call, the `<Dial>` outcome and the call status
 * callback. Each records what it learned before answering, and each answers valid TwiML.
 */
export function createCallRoutes(ctx: AppContext): Router {
  const router = Router();
  // A "call me to test" call coming back through the carrier is answered there, never texted.
  router.post(['/voice', '/voice/status'], interceptForwardingCheckCall(ctx));

  router.post('/voice', async (req, res) => {
    const webhook = await readCallWebhook(ctx, req);
    if (!webhook) {
      sendTwiml(res, notInService());
      return;
    }
    const { business, call, form } = webhook;
    const missedVerdict = findVerdictBeforeDialling(business);
    if (missedVerdict) {
      if (form.ForwardedFrom) {
        await updateCall(ctx.db, call.id, { forwardedFrom: form.ForwardedFrom.trim() });
      }
      await applyCallDecision(ctx, business, call, {
        verdict: missedVerdict,
        dialStatus: null,
        durationSeconds: 0,
        source: 'voice',
      });
      sendTwiml(res, await missedCallReply(ctx, business, call));
      return;
    }
    sendTwiml(res, dialBusiness(ctx, business, call));
  });

  router.post('/voice/dial-status', async (req, res) => {
    const webhook = await readCallWebhook(ctx, req);
    if (!webhook) {
      sendTwiml(res, notInService());
      return;
    }
    const { business, call, form } = webhook;
    const durationSeconds = parseSeconds(form.DialCallDuration);
    const verdict = refineAnsweredVerdict(business, call, form, verdictFromDialStatus(form.DialCallStatus));
    if (form.AnsweredBy) {
      await updateCall(ctx.db, call.id, { answeredBy: form.AnsweredBy.trim() });
    }
    await applyCallDecision(ctx, business, call, {
      verdict,
      dialStatus: form.DialCallStatus ?? null,
      durationSeconds: verdict === 'answered' || verdict === 'short_answer' ? durationSeconds : null,
      source: 'dial-status',
    });
    const isMissed = verdict !== 'answered' && verdict !== 'unknown';
    sendTwiml(res, isMissed ? await missedCallReply(ctx, business, call) : hangUp());
  });

  router.post('/voice/status', async (req, res) => {
    const webhook = await readCallWebhook(ctx, req);
    if (webhook) {
      await applyStatusCallback(ctx, webhook.business, webhook.call, webhook.form);
    }
    sendTwiml(res, new VoiceResponse());
  });

  return router;
}

async function applyStatusCallback(
  ctx: AppContext,
  business: Business,
  call: Call,
  form: CallWebhook,
): Promise<void> {
  const durationSeconds = parseSeconds(form.CallDuration);
  const verdict = verdictFromCallStatus(form.CallStatus);
  if (verdict) {
    await applyCallDecision(ctx, business, call, {
      verdict,
      dialStatus: form.CallStatus ?? null,
      durationSeconds,
      source: 'status',
    });
    return;
  }
  await updateCall(ctx.db, call.id, { endedAt: ctx.now(), ...(call.status === 'ringing' ? { durationSeconds } : {}) });
  if (call.status === 'ringing') {
    // The call ended before its <Dial> outcome arrived; give that a moment, then settle.
    ctx.tasks.runLater('settle call', dialOutcomeGraceMs, async () => {
      await settleUndecidedCalls(ctx);
    });
  }
}

async function readCallWebhook(
  ctx: AppContext,
  req: Request,
): Promise<{ form: CallWebhook; business: Business; call: Call } | null> {
  const parsed = callWebhookSchema.safeParse(req.body);
  if (!parsed.success) {
    throw new AppError('bad_request', 'Invalid voice webhook', parsed.error.issues);
  }
  const form = parsed.data;
  const calledNumber = toE164(form.To ?? form.Called ?? '');
  const business = calledNumber ? await findBusinessByNumber(ctx.db, calledNumber) : null;
  if (!business) {
    ctx.log.warn({ path: req.path, callSid: form.CallSid }, 'call to a number no business owns');
    return null;
  }
  const call = await findOrCreateCall(ctx.db, {
    businessId: business.id,
    callSid: form.CallSid,
    callerNumber: form.From?.trim() ?? null,
    at: ctx.now(),
  });
  if (call.businessId !== business.id) {
    // A CallSid belongs to one call to one number; a second business claiming it is forged or broken.
    ctx.log.warn({ businessId: business.id, callId: call.id }, 'CallSid already belongs to another business');
    return null;
  }
  return { form, business, call };
}

/** Returns the verdict of a call that is missed before any phone rings, or null to dial. */
function findVerdictBeforeDialling(business: Business): CallVerdict | null {
  if (business.connectionMode === 'forwarded') {
    return 'forwarded_by_carrier';
  }
  return business.forwardingNumber ? null : 'no_forwarding_number';
}

/**
 * An answered `<Dial>` is still a missed call when the screen was not accepted, when Twilio's
 * answering-machine detection heard a machine, or when it lasted less than the owner's
 * threshold (a phone's own voicemail picks up and Twilio reports `completed`).
 */
function refineAnsweredVerdict(
  business: Business,
  call: Call,
  form: CallWebhook,
  verdict: CallVerdict,
): CallVerdict {
  if (verdict !== 'answered') {
    return verdict;
  }
  if (business.callScreening && !call.isScreenAccepted) {
    return 'not_accepted';
  }
  if (isMachineAnswer(form.AnsweredBy)) {
    return 'answered_by_machine';
  }
  const durationSeconds = parseSeconds(form.DialCallDuration);
  const isShort = durationSeconds !== null && durationSeconds < business.shortAnswerSeconds;
  return !business.callScreening && isShort ? 'short_answer' : 'answered';
}

function dialBusiness(ctx: AppContext, business: Business, call: Call): VoiceTwiml {
  const twiml = new VoiceResponse();
  const dial = twiml.dial({
    timeout: business.ringTimeoutSeconds,
    action: `${ctx.config.publicBaseUrl}/webhooks/twilio/voice/dial-status`,
    method: 'POST',
  });
  const screenUrl = `${ctx.config.publicBaseUrl}/webhooks/twilio/voice/screen?parentCallSid=${encodeURIComponent(call.callSid)}`;
  dial.number(business.callScreening ? { url: screenUrl, method: 'POST' } : {}, business.forwardingNumber ?? '');
  return twiml;
}

async function missedCallReply(ctx: AppContext, business: Business, call: Call): Promise<VoiceTwiml> {
  const promiseText = await canTextCaller(ctx.db, business, call.callerNumber);
  return buildMissedCallTwiml(business, ctx.config.publicBaseUrl, promiseText);
}

function hangUp(): VoiceTwiml {
  const twiml = new VoiceResponse();
  twiml.hangup();
  return twiml;
}

function notInService(): VoiceTwiml {
  const twiml = new VoiceResponse();
  twiml.say('This number is not in service.');
  twiml.hangup();
  return twiml;
}
