import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { findBusinessById } from '../businesses/business-repo.ts';
import { listCallsForConversation } from '../calls/call-repo.ts';
import { findContactById } from '../contacts/contact-repo.ts';
import { listEvents } from '../events/event-repo.ts';
import { AppError } from '../lib/errors.ts';
import { parseInput } from '../lib/parse-body.ts';
import { listMediaForMessage } from '../media/media-repo.ts';
import { listMessages } from '../messages/message-repo.ts';
import { listVoicemailsForConversation } from '../voicemail/voicemail-repo.ts';
import { describeVerdict } from '../calls/describe-verdict.ts';
import { findConversationById, listConversations } from './conversation-repo.ts';

const listParamsSchema = z.object({ businessId: z.uuid('Invalid business id') });
const listQuerySchema = z.object({ status: z.enum(['open', 'closed']).optional() });
const conversationParamsSchema = z.object({ conversationId: z.uuid('Invalid conversation id') });

/** REST routes to read conversations with their contact, calls, messages and event log. */
export function createConversationRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/businesses/:businessId/conversations', async (req, res) => {
    const { businessId } = parseInput(listParamsSchema, req.params);
    const { status } = parseInput(listQuerySchema, req.query);
    if (!(await findBusinessById(ctx.db, businessId))) {
      throw new AppError('not_found', 'Business not found');
    }
    const conversations = await listConversations(ctx.db, businessId, { status });
    const withContacts = await Promise.all(
      conversations.map(async (conversation) => ({
        ...conversation,
        contact: await findContactById(ctx.db, conversation.contactId),
      })),
    );
    res.json({ conversations: withContacts });
  });

  router.get('/conversations/:conversationId', async (req, res) => {
    const { conversationId } = parseInput(conversationParamsSchema, req.params);
    const conversation = await findConversationById(ctx.db, conversationId);
    if (!conversation) {
      throw new AppError('not_found', 'Conversation not found');
    }
    const [contact, messages, calls, events] = await Promise.all([
      findContactById(ctx.db, conversation.contactId),
      listMessages(ctx.db, conversationId),
      listCallsForConversation(ctx.db, conversationId),
      listEvents(ctx.db, conversationId),
    ]);
    const messagesWithMedia = await Promise.all(
      messages.map(async (message) => ({
        ...message,
        mediaFiles: message.media.length > 0 ? await listMediaForMessage(ctx.db, message.id) : [],
      })),
    );
    const voicemails = await listVoicemailsForConversation(ctx.db, conversationId);
    const describedCalls = calls.map((call) => ({
      ...call,
      verdictLabel: describeVerdict(call.verdict, call.durationSeconds),
      voicemail: voicemails.find((voicemail) => voicemail.callId === call.id) ?? null,
    }));
    res.json({
      conversation: { ...conversation, contact, messages: messagesWithMedia, calls: describedCalls, events },
    });
  });

  return router;
}
