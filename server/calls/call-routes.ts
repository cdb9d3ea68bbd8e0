import { Router } from 'express';
import type { Request } from 'express';
import type { AppContext } from '../app-context.ts';
import { findBusinessByNumber } from '../businesses/business-repo.ts';
import type { Business } from '../businesses/business.ts';
import { AppError } from '../lib/errors.ts';
import { toE164 } from '../lib/phone-number.ts';
import { VoiceResponse, sendTwiml } from '../webhooks/twiml.ts';
import { findOrCreateCall, updateCall } from './call-repo.ts';
import type { Call } from './call-repo.ts';
import { callWebhookSchema, parseSeconds, verdictFromCallStatus, verdictFromDialStatus } from './call-webhook-schema.ts';
import type { CallWebhook } from './call-webhook-schema.ts';
import { applyCallDecision } from './decide-call.ts';
import { dialOutcomeGraceMs, settleUndecidedCalls } from './settle-undecided-calls.ts';

type VoiceTwiml = InstanceType<typeof VoiceResponse>;

/**
 * Twilio's voice webhooks: the incoming call, the `<Dial>` outcome and the call status
 * callback. Each records what it learned before answering, and each answers valid TwiML.
 */
export function createCallRoutes(ctx: AppContext): Router {
  const router = Router();

  router.post('/voice', async (req, res) => {
    const webhook = await readCallWebhook(ctx, req);
    if (!webhook) {
      sendTwiml(res, notInService());
      return;
    }
    const { business, call } = webhook;
    if (!business.forwardingNumber) {
      await applyCallDecision(ctx, business, call, {
        verdict: 'no_forwarding_number',
        dialStatus: null,
        durationSeconds: 0,
        source: 'voice',
      });
      sendTwiml(res, apologise(business));
      return;
    }
    sendTwiml(res, dialBusiness(ctx, business));
  });

  router.post('/voice/dial-status', async (req, res) => {
    const webhook = await readCallWebhook(ctx, req);
    if (!webhook) {
      sendTwiml(res, notInService());
      return;
    }
    const { business, call, form } = webhook;
    const verdict = verdictFromDialStatus(form.DialCallStatus);
    await applyCallDecision(ctx, business, call, {
      verdict,
      dialStatus: form.DialCallStatus ?? null,
      durationSeconds: verdict === 'answered' ? parseSeconds(form.DialCallDuration) : null,
      source: 'dial-status',
    });
    sendTwiml(res, verdict === 'answered' || verdict === 'unknown' ? hangUp() : apologise(business));
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
  return { form, business, call };
}

function dialBusiness(ctx: AppContext, business: Business): VoiceTwiml {
  const twiml = new VoiceResponse();
  const dial = twiml.dial({
    timeout: business.ringTimeoutSeconds,
    action: `${ctx.config.publicBaseUrl}/webhooks/twilio/voice/dial-status`,
    method: 'POST',
  });
  dial.number(business.forwardingNumber ?? '');
  return twiml;
}

function apologise(business: Business): VoiceTwiml {
  const twiml = new VoiceResponse();
  const followUp = business.textBackEnabled ? ' We will text you right away.' : '';
  twiml.say(`Sorry, ${business.name} could not take your call.${followUp}`);
  twiml.hangup();
  return twiml;
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
