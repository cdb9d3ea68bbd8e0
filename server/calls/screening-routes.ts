import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { recordEvent } from '../events/event-repo.ts';
import { AppError } from '../lib/errors.ts';
import { VoiceResponse, sendTwiml } from '../webhooks/twiml.ts';
import { findCallBySid, markScreenAccepted } from './call-repo.ts';

const screenQuerySchema = z.object({ parentCallSid: z.string().trim().min(1).max(64) });
const screenResultSchema = z.object({ Digits: z.string().max(8).optional() });

/** The key that accepts a screened call. */
const acceptDigit = '1';

/**
 * Call screening: before a call is put through, the business's phone hears a prompt and must
 * press 1. A phone's own voicemail never presses it, so its pickup is not taken as an answer.
 */
export function createScreeningRoutes(ctx: AppContext): Router {
  const router = Router();

  router.post('/voice/screen', (req, res) => {
    const { parentCallSid } = parseQuery(req.query);
    const twiml = new VoiceResponse();
    const gather = twiml.gather({
      numDigits: 1,
      timeout: 6,
      action: `${ctx.config.publicBaseUrl}/webhooks/twilio/voice/screen-result?parentCallSid=${encodeURIComponent(parentCallSid)}`,
      method: 'POST',
    });
    gather.say('Call from a textback lead. Press 1 to accept.');
    twiml.hangup();
    sendTwiml(res, twiml);
  });

  router.post('/voice/screen-result', async (req, res) => {
    const { parentCallSid } = parseQuery(req.query);
    const digits = screenResultSchema.safeParse(req.body).data?.Digits?.trim();
    if (digits !== acceptDigit) {
      const twiml = new VoiceResponse();
      twiml.hangup();
      sendTwiml(res, twiml);
      return;
    }
    const isMarked = await markScreenAccepted(ctx.db, parentCallSid);
    const call = isMarked ? await findCallBySid(ctx.db, parentCallSid) : null;
    if (call) {
      await recordEvent(ctx.db, { businessId: call.businessId, callId: call.id, type: 'call.screen_accepted' });
    }
    // An empty response ends the screening TwiML, and Twilio then bridges the two calls.
    sendTwiml(res, new VoiceResponse());
  });

  return router;
}

function parseQuery(query: unknown): { parentCallSid: string } {
  const parsed = screenQuerySchema.safeParse(query);
  if (!parsed.success) {
    throw new AppError('bad_request', 'The screening webhook is missing parentCallSid');
  }
  return parsed.data;
}
