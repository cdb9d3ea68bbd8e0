import type { AppContext } from '../app-context.ts';
import type { TurnResult } from '../../bot/engine/reply-engine.ts';
import type { Business } from '../businesses/business.ts';
import { findContactById, updateContactDetails } from '../contacts/contact-repo.ts';
import type { Contact } from '../contacts/contact-repo.ts';
import { recordEvent } from '../events/event-repo.ts';
import { findMessageById } from '../messages/message-repo.ts';
import { sendMessage } from '../messages/send-message.ts';
import { findConversationById, updateConversation } from './conversation-repo.ts';
import type { Conversation } from './conversation-repo.ts';

/**
 * Lets the reply engine answer one inbound message, then stores its state and sends its
 * replies. Runs one turn at a time per conversation; the checks before sending make a STOP or
 * a staff takeover that arrived meanwhile win over the bot.
 */
export async function runBotTurn(
  ctx: AppContext,
  business: Business,
  conversationId: string,
  messageId: string,
): Promise<void> {
  const conversation = await findConversationById(ctx.db, conversationId);
  const contact = conversation ? await findContactById(ctx.db, conversation.contactId) : null;
  if (!conversation || !contact || !isBotAllowed(conversation, contact)) {
    return;
  }
  const inbound = await findMessageById(ctx.db, messageId);
  if (!inbound) {
    return;
  }

  const result = await ctx.engineFor(business.flowId).handleTurn({
    text: inbound.body,
    state: conversation.botState,
    context: {
      business: {
        name: business.name,
        phoneNumber: business.phoneNumber,
        bookingLink: business.bookingLink,
        timeZone: business.timeZone,
      },
      contact: { phone: contact.phone, name: contact.name, email: contact.email },
      now: ctx.now(),
    },
  });

  await storeTurn(ctx, business, conversation, contact, result);
  ctx.realtime.publish(business.id, 'conversation:updated', { conversationId });
  await sendReplies(ctx, business, conversation, result.replies);
}

function isBotAllowed(conversation: Conversation, contact: Contact): boolean {
  return (
    !contact.isOptedOut &&
    conversation.holder === 'bot' &&
    conversation.status === 'open' &&
    conversation.outcome === null
  );
}

async function storeTurn(
  ctx: AppContext,
  business: Business,
  conversation: Conversation,
  contact: Contact,
  result: TurnResult,
): Promise<void> {
  const slots = result.state.slots;
  await updateConversation(ctx.db, conversation.id, {
    botState: result.state,
    details: { ...conversation.details, ...slots },
    outcome: result.outcome,
    holder: result.outcome === 'needs_human' ? 'human' : conversation.holder,
  });
  await updateContactDetails(ctx.db, contact.id, {
    name: typeof slots.name === 'string' ? slots.name : undefined,
    email: typeof slots.email === 'string' ? slots.email : undefined,
  });
  for (const entry of result.log) {
    await recordEvent(ctx.db, {
      businessId: business.id,
      conversationId: conversation.id,
      type: `bot.${entry.level}`,
      data: { message: entry.message, stepId: entry.stepId ?? null, ...entry.data },
    });
  }
  if (result.outcome) {
    await recordEvent(ctx.db, {
      businessId: business.id,
      conversationId: conversation.id,
      type: `conversation.${result.outcome}`,
      data: { reason: result.handoffReason },
    });
    ctx.log.info(
      { businessId: business.id, conversationId: conversation.id, outcome: result.outcome },
      'conversation outcome recorded',
    );
  }
}

/** Sends replies in order, each after the previous was accepted, re-checking opt-out and holder. */
async function sendReplies(
  ctx: AppContext,
  business: Business,
  conversation: Conversation,
  replies: string[],
): Promise<void> {
  for (const body of replies) {
    const current = await findConversationById(ctx.db, conversation.id);
    if (!current || current.status !== 'open' || (current.holder === 'human' && current.outcome !== 'needs_human')) {
      return;
    }
    const sent = await sendMessage(ctx, {
      business,
      conversationId: conversation.id,
      contactId: conversation.contactId,
      body,
      author: 'bot',
    });
    if (!sent.ok) {
      return;
    }
  }
}
