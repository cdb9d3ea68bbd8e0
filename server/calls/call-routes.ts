import { Router } from 'express';
import type { Request } from 'express';
import type { AppContext } from '../app-context.ts';
import { findBusinessByNumber } from '../businesses/business-repo.ts';
import type { Business } from '../businesses/business.ts';
import { recordEvent } from '../events/event-repo.ts';
import { AppError } from '../lib/errors.ts';
import { toE164 } from '../lib/phone-number.ts';
import { VoiceResponse, sendTwiml } from '../webhooks/twiml.ts';
import { callWebhookSchema, classifyCallStatus } from './call-webhook-schema.ts';
import type { CallWebhook } from './call-webhook-schema.ts';
import { findOrCreateCall, updateCall } from './call-repo.ts';
import { handleMissedCall } from './handle-missed-call.ts';

/** Twilio's voice webhooks: the incoming call, the <Dial> outcome and the call status callback. */
export function createCallRoutes(ctx: AppContext): Router {
  const router = Router();

  router.post('/voice', async (req, res) => {
    const { form, business } = await readCallWebhook(ctx, req);
    if (!business) {
      sendTwiml(res, notInService());
      return;
    }
    const call = await findOrCreateCall(ctx.db, {
      businessId: business.id,
      callSid: form.CallSid,
      callerNumber: form.From ?? null,
    });
    if (!business.forwardingNumber) {
      await handleMissedCall(ctx, business, call, 'no-forwarding-number');
      sendTwiml(res, apologise(business));
      return;
    }
    const twiml = new VoiceResponse();
    const dial = twiml.dial({
      timeout: business.ringTimeoutSeconds,
      action: `${ctx.config.publicBaseUrl}/webhooks/twilio/voice/dial-status`,
      method: 'POST',
    });
    dial.number(business.forwardingNumber);
    sendTwiml(res, twiml);
  });

  router.post('/voice/dial-status', async (req, res) => {
    const { form, business } = await readCallWebhook(ctx, req);
    if (!business) {
      sendTwiml(res, notInService());
      return;
    }
    const call = await findOrCreateCall(ctx.db, {
      businessId: business.id,
      callSid: form.CallSid,
      callerNumber: form.From ?? null,
    });
    const outcome = classifyCallStatus(form.DialCallStatus);
    if (outcome === 'missed') {
      await handleMissedCall(ctx, business, call, form.DialCallStatus ?? '');
      sendTwiml(res, apologise(business));
      return;
    }
    await recordCallOutcome(ctx, business, call.id, call.status, outcome, form.DialCallStatus);
    sendTwiml(res, new VoiceResponse());
  });

  router.post('/voice/status', async (req, res) => {
    const { form, business } = await readCallWebhook(ctx, req);
    if (business) {
      const call = await findOrCreateCall(ctx.db, {
        businessId: business.id,
        callSid: form.CallSid,
        callerNumber: form.From ?? null,
      });
      if (classifyCallStatus(form.CallStatus) === 'missed') {
        await handleMissedCall(ctx, business, call, form.CallStatus ?? '');
      }
    }
    sendTwiml(res, new VoiceResponse());
  });

  return router;
}

async function readCallWebhook(
  ctx: AppContext,
  req: Request,
): Promise<{ form: CallWebhook; business: Business | null }> {
  const parsed = callWebhookSchema.safeParse(req.body);
  if (!parsed.success) {
    throw new AppError('bad_request', 'Invalid voice webhook', parsed.error.issues);
  }
  const calledNumber = toE164(parsed.data.To ?? parsed.data.Called ?? '');
  const business = calledNumber ? await findBusinessByNumber(ctx.db, calledNumber) : null;
  if (!business) {
    ctx.log.warn({ path: req.path, callSid: parsed.data.CallSid }, 'call to a number no business owns');
  }
  return { form: parsed.data, business };
}

async function recordCallOutcome(
  ctx: AppContext,
  business: Business,
  callId: string,
  currentStatus: string,
  outcome: 'answered' | 'unknown',
  dialStatus: string | undefined,
): Promise<void> {
  if (outcome === 'unknown') {
    ctx.log.warn({ businessId: business.id, callId, dialStatus }, 'unrecognised dial status');
    await recordEvent(ctx.db, {
      businessId: business.id,
      callId,
      type: 'call.unknown_outcome',
      data: { dialStatus: dialStatus ?? null },
    });
    return;
  }
  if (currentStatus === 'missed') {
    return;
  }
  await updateCall(ctx.db, callId, { status: 'answered', dialStatus: dialStatus ?? null });
  await recordEvent(ctx.db, { businessId: business.id, callId, type: 'call.answered', data: { dialStatus } });
}

function apologise(business: Business): InstanceType<typeof VoiceResponse> {
  const twiml = new VoiceResponse();
  const followUp = business.textBackEnabled ? ' We will text you right away.' : '';
  twiml.say(`Sorry, ${business.name} could not take your call.${followUp}`);
  twiml.hangup();
  return twiml;
}

function notInService(): InstanceType<typeof VoiceResponse> {
  const twiml = new VoiceResponse();
  twiml.say('This number is not in service.');
  twiml.hangup();
  return twiml;
}
