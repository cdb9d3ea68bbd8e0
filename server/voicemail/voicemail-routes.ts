import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { findCallBySid } from '../calls/call-repo.ts';
import { parseSeconds } from '../calls/call-webhook-schema.ts';
import { findConversationById, mergeConversationDetails } from '../conversations/conversation-repo.ts';
import { recordEvent } from '../events/event-repo.ts';
import { AppError } from '../lib/errors.ts';
import { notifyStaff } from '../notifications/notify-staff.ts';
import { VoiceResponse, sendTwiml } from '../webhooks/twiml.ts';
import { fetchVoicemail } from './fetch-voicemail.ts';
import { findVoicemailByCall, insertVoicemail, updateVoicemail } from './voicemail-repo.ts';

const recordingSchema = z.object({
  CallSid: z.string().trim().min(1, 'CallSid is missing').max(64),
  RecordingSid: z.string().trim().min(1, 'RecordingSid is missing').max(64),
  RecordingUrl: z.url('RecordingUrl is not a URL'),
  RecordingStatus: z.string().max(32).optional(),
  RecordingDuration: z.string().max(16).optional(),
});

const transcriptionSchema = z.object({
  CallSid: z.string().trim().min(1, 'CallSid is missing').max(64),
  TranscriptionStatus: z.string().max(32).optional(),
  TranscriptionText: z.string().max(10_000).optional(),
});

/** Twilio's voicemail webhooks: the end of <Record>, the recording and its transcription. */
export function createVoicemailRoutes(ctx: AppContext): Router {
  const router = Router();

  router.post('/voice/recording-done', (_req, res) => {
    const twiml = new VoiceResponse();
    twiml.say('Thank you. Goodbye.');
    twiml.hangup();
    sendTwiml(res, twiml);
  });

  router.post('/voice/recording', async (req, res) => {
    const form = parseForm(recordingSchema, req.body, 'recording');
    const call = await findCallBySid(ctx.db, form.CallSid);
    const status = (form.RecordingStatus ?? 'completed').toLowerCase();
    if (!call || status !== 'completed') {
      ctx.log.warn({ callSid: form.CallSid, status }, 'recording callback ignored');
      res.status(204).end();
      return;
    }
    const voicemail = await insertVoicemail(ctx.db, {
      businessId: call.businessId,
      callId: call.id,
      conversationId: call.conversationId,
      recordingSid: form.RecordingSid,
      recordingUrl: form.RecordingUrl,
      durationSeconds: parseSeconds(form.RecordingDuration),
    });
    if (voicemail) {
      fetchVoicemail(ctx, voicemail);
      await recordEvent(ctx.db, {
        businessId: call.businessId,
        conversationId: call.conversationId,
        callId: call.id,
        type: 'call.voicemail',
        data: { durationSeconds: voicemail.durationSeconds },
      });
      await markConversationVoicemail(ctx, call.conversationId, null);
      await notifyStaff(ctx, {
        businessId: call.businessId,
        conversationId: call.conversationId,
        callId: call.id,
        kind: 'voicemail',
        message: `New voicemail${voicemail.durationSeconds === null ? '' : ` (${voicemail.durationSeconds} s)`} from ${call.callerNumber ?? 'a withheld number'}.`,
      });
    }
    res.status(204).end();
  });

  router.post('/voice/transcription', async (req, res) => {
    const form = parseForm(transcriptionSchema, req.body, 'transcription');
    const call = await findCallBySid(ctx.db, form.CallSid);
    const voicemail = call ? await findVoicemailByCall(ctx.db, call.id) : null;
    if (!call || !voicemail) {
      ctx.log.warn({ callSid: form.CallSid }, 'transcription for an unknown voicemail');
      res.status(204).end();
      return;
    }
    const isCompleted = (form.TranscriptionStatus ?? '').toLowerCase() === 'completed';
    const transcript = isCompleted ? (form.TranscriptionText?.trim() ?? null) : null;
    await updateVoicemail(ctx.db, voicemail.id, { transcript, transcriptStatus: form.TranscriptionStatus ?? 'unknown' });
    await markConversationVoicemail(ctx, call.conversationId, transcript);
    res.status(204).end();
  });

  return router;
}

/** Adds the voicemail to the lead's details, where staff and the bot's summary see it. */
async function markConversationVoicemail(
  ctx: AppContext,
  conversationId: string | null,
  transcript: string | null,
): Promise<void> {
  const conversation = conversationId ? await findConversationById(ctx.db, conversationId) : null;
  if (!conversation) {
    return;
  }
  const details = { voicemail: 'left', ...(transcript ? { voicemail_transcript: transcript } : {}) };
  await mergeConversationDetails(ctx.db, conversation.id, details);
  ctx.realtime.publish(conversation.businessId, 'conversation:updated', { conversationId: conversation.id });
}

function parseForm<Schema extends z.ZodType>(schema: Schema, body: unknown, name: string): z.infer<Schema> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new AppError('bad_request', `Invalid ${name} webhook`, parsed.error.issues);
  }
  return parsed.data;
}
