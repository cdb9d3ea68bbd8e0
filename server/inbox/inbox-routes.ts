import { Router } from 'express';
import type { Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { sessionOf } from '../auth/require-session.ts';
import { findUserInBusiness } from '../auth/user-repo.ts';
import { listCallsForConversation } from '../calls/call-repo.ts';
import { findContactById } from '../contacts/contact-repo.ts';
import { recordBooking } from '../conversations/record-booking.ts';
import { listEvents, recordEvent } from '../events/event-repo.ts';
import { AppError } from '../lib/errors.ts';
import { parseInput } from '../lib/parse-body.ts';
import { listMessages } from '../messages/message-repo.ts';
import { changeHolder } from './change-holder.ts';
import { describeInboxCalls } from './describe-inbox-calls.ts';
import {
  findConversationInBusiness,
  hasOtherOpenConversation,
  updateInboxConversation,
} from './inbox-conversation-repo.ts';
import type { InboxConversation } from './inbox-conversation-repo.ts';
import { inboxQuerySchema } from './inbox-filter.ts';
import { listInbox } from './list-inbox.ts';
import { listScheduledNudges } from './list-scheduled-nudges.ts';
import { markConversationRead } from './mark-conversation-read.ts';
import { createNote, listNotes } from './note-repo.ts';
import { replyAsStaff } from './reply-as-staff.ts';

const paramsSchema = z.object({ conversationId: z.uuid('Invalid conversation id') });
const replySchema = z.object({
  body: z.string().trim().min(1, 'The message is empty').max(1600, 'The message is longer than 1600 characters'),
});
const noteSchema = z.object({
  body: z.string().trim().min(1, 'The note is empty').max(4000, 'The note is longer than 4000 characters'),
});
const assignSchema = z.object({ userId: z.uuid('Invalid user id').nullable() });

/**
 * The inbox API for logged-in staff and owners. Every route reads the business from the
 * session, never from the request, so a user can only reach their own business's data.
 */
export function createInboxRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const { user } = sessionOf(res);
    const query = parseInput(inboxQuerySchema, req.query);
    res.json(await listInbox(ctx.db, { businessId: user.businessId, userId: user.id, query }));
  });

  router.get('/:conversationId', async (req, res) => {
    const conversation = await loadConversation(ctx, req.params, res);
    const [contact, messages, calls, events, notes, nudges] = await Promise.all([
      findContactById(ctx.db, conversation.contactId),
      listMessages(ctx.db, conversation.id),
      listCallsForConversation(ctx.db, conversation.id),
      listEvents(ctx.db, conversation.id),
      listNotes(ctx.db, conversation.id),
      listScheduledNudges(ctx.db, conversation.businessId, conversation.id),
    ]);
    const { botState, ...fields } = conversation;
    res.json({
      conversation: {
        ...fields,
        currentStepId: botState?.stepId ?? null,
        contact,
        messages,
        calls: await describeInboxCalls(ctx.db, conversation.id, calls),
        events,
        notes,
        nudges,
      },
    });
  });

  router.post('/:conversationId/read', async (req, res) => {
    const conversation = await loadConversation(ctx, req.params, res);
    await markConversationRead(ctx.db, sessionOf(res).user.id, conversation.id);
    res.json({ ok: true });
  });

  router.post('/:conversationId/messages', async (req, res) => {
    const conversation = await loadConversation(ctx, req.params, res);
    const { body } = parseInput(replySchema, req.body);
    const message = await replyAsStaff(ctx, { conversation, user: sessionOf(res).user, body });
    res.status(201).json({ message });
  });

  router.post('/:conversationId/takeover', async (req, res) => {
    const conversation = await loadConversation(ctx, req.params, res);
    await changeHolder(ctx, { conversation, user: sessionOf(res).user, holder: 'human' });
    res.json({ ok: true });
  });

  router.post('/:conversationId/handback', async (req, res) => {
    const conversation = await loadConversation(ctx, req.params, res);
    if (conversation.status === 'closed') {
      throw new AppError('conflict', 'This conversation is closed; reopen it first');
    }
    const contact = await findContactById(ctx.db, conversation.contactId);
    if (contact?.isOptedOut) {
      throw new AppError('opted_out', 'This contact opted out, so the bot cannot text them');
    }
    await changeHolder(ctx, { conversation, user: sessionOf(res).user, holder: 'bot' });
    res.json({ ok: true });
  });

  router.post('/:conversationId/booking', async (req, res) => {
    const conversation = await loadConversation(ctx, req.params, res);
    const bookedAt = await recordBooking(ctx, conversation, { userId: sessionOf(res).user.id });
    res.json({ ok: true, bookedAt });
  });

  router.post('/:conversationId/assign', async (req, res) => {
    const conversation = await loadConversation(ctx, req.params, res);
    const { userId } = parseInput(assignSchema, req.body);
    const { user } = sessionOf(res);
    const assignee = userId ? await findUserInBusiness(ctx.db, user.businessId, userId) : null;
    if (userId && !assignee) {
      throw new AppError('bad_request', 'That person is not on this business’s team');
    }
    await updateInboxConversation(ctx.db, conversation.id, { assigneeId: userId });
    await recordConversationChange(ctx, conversation, 'staff.assigned', {
      userId: user.id,
      assigneeId: userId,
      assigneeName: assignee?.name ?? null,
    });
    res.json({ ok: true });
  });

  router.post('/:conversationId/notes', async (req, res) => {
    const conversation = await loadConversation(ctx, req.params, res);
    const { body } = parseInput(noteSchema, req.body);
    const { user } = sessionOf(res);
    const note = await createNote(ctx.db, {
      businessId: user.businessId,
      conversationId: conversation.id,
      authorId: user.id,
      body,
    });
    ctx.realtime.publish(user.businessId, 'note:created', {
      conversationId: conversation.id,
      noteId: note.id,
    });
    res.status(201).json({ note });
  });

  router.post('/:conversationId/close', async (req, res) => {
    const conversation = await loadConversation(ctx, req.params, res);
    if (conversation.status !== 'closed') {
      await updateInboxConversation(ctx.db, conversation.id, { status: 'closed' });
      await recordConversationChange(ctx, conversation, 'staff.closed', {
        userId: sessionOf(res).user.id,
      });
    }
    res.json({ ok: true });
  });

  router.post('/:conversationId/reopen', async (req, res) => {
    const conversation = await loadConversation(ctx, req.params, res);
    if (conversation.status === 'open') {
      res.json({ ok: true });
      return;
    }
    if (await hasOtherOpenConversation(ctx.db, conversation.contactId, conversation.id)) {
      throw new AppError('conflict', 'This contact has a newer open conversation; continue there');
    }
    await updateInboxConversation(ctx.db, conversation.id, { status: 'open' });
    await recordConversationChange(ctx, conversation, 'staff.reopened', {
      userId: sessionOf(res).user.id,
    });
    res.json({ ok: true });
  });

  return router;
}

async function loadConversation(
  ctx: AppContext,
  params: unknown,
  res: Response,
): Promise<InboxConversation> {
  const { conversationId } = parseInput(paramsSchema, params);
  const { user } = sessionOf(res);
  const conversation = await findConversationInBusiness(ctx.db, user.businessId, conversationId);
  if (!conversation) {
    throw new AppError('not_found', 'Conversation not found');
  }
  return conversation;
}

async function recordConversationChange(
  ctx: AppContext,
  conversation: InboxConversation,
  type: string,
  data: Record<string, unknown>,
): Promise<void> {
  await recordEvent(ctx.db, {
    businessId: conversation.businessId,
    conversationId: conversation.id,
    type,
    data,
  });
  ctx.log.info({ businessId: conversation.businessId, conversationId: conversation.id, type }, 'conversation changed by staff');
  ctx.realtime.publish(conversation.businessId, 'conversation:updated', {
    conversationId: conversation.id,
  });
}
