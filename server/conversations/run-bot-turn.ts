import type { AppContext } from '../app-context.ts';
import type { TurnResult } from '../../bot/engine/reply-engine.ts';
import type { Business } from '../businesses/business.ts';
import { findContactById, updateContactDetails } from '../contacts/contact-repo.ts';
import type { Contact } from '../contacts/contact-repo.ts';
import { recordEvent } from '../events/event-repo.ts';
import { claimForBot, listUnreadByBot } from '../messages/message-repo.ts';
import { sendMessage } from '../messages/send-message.ts';
import { claimBotTurn, releaseBotTurn } from './bot-turn-lease.ts';
import { findConversationById, mergeConversationDetails, updateConversation } from './conversation-repo.ts';
import type { Conversation } from './conversation-repo.ts';
import { recordLeadOutcome } from './record-lead-outcome.ts';
import { publishDomainEvent } from '../workflows/publish-domain-event.ts';

export type RunBotTurnResult =
  | { status: 'answered' | 'skipped' }
  /** The lead sent a text moments ago and may send more; try again after the delay. */
  | { status: 'waiting'; retryAfterMs: number };

/**
 * Lease length of one turn: longer than the LLM's 12 s budget plus the sends after it, and the
 * longest a turn whose process died blocks the conversation.
 */
const turnLeaseMs = 120_000;

/** Delay before a turn retries when another process is mid-turn. */
const busyRetryMs = 1_000;

/**
 * Lets the reply engine answer the lead's unread texts as one turn, then stores its state and
 * sends its replies. Texts that arrive in a burst ("123 Main St", then "Springfield") are read
 * together. A lease in the database runs one turn at a time per conversation across processes.
 * The checks before sending make a STOP or a staff takeover that arrived meanwhile win over the bot.
 */
export async function runBotTurn(
  ctx: AppContext,
  business: Business,
  conversationId: string,
): Promise<RunBotTurnResult> {
  const leasedUntil = await claimBotTurn(ctx.db, conversationId, ctx.now(), turnLeaseMs);
  if (leasedUntil === null) {
    ctx.log.info({ businessId: business.id, conversationId }, 'bot turn running elsewhere, retrying');
    return { status: 'waiting', retryAfterMs: busyRetryMs };
  }
  try {
    return await takeBotTurn(ctx, business, conversationId);
  } finally {
    await releaseBotTurn(ctx.db, conversationId, leasedUntil);
  }
}

async function takeBotTurn(
  ctx: AppContext,
  business: Business,
  conversationId: string,
): Promise<RunBotTurnResult> {
  const conversation = await findConversationById(ctx.db, conversationId);
  const contact = conversation ? await findContactById(ctx.db, conversation.contactId) : null;
  if (!conversation || !contact || !isBotAllowed(conversation, contact)) {
    return { status: 'skipped' };
  }
  const unread = await listUnreadByBot(ctx.db, conversationId);
  const newest = unread.at(-1);
  if (!newest) {
    return { status: 'skipped' };
  }
  const quietMs = ctx.now().getTime() - newest.createdAt.getTime();
  if (quietMs < ctx.config.replyBatchWindowMs) {
    return { status: 'waiting', retryAfterMs: ctx.config.replyBatchWindowMs - quietMs };
  }
  const claimed = new Set(await claimForBot(ctx.db, unread.map((message) => message.id), ctx.now()));
  const batch = unread.filter((message) => claimed.has(message.id));
  if (batch.length === 0) {
    return { status: 'skipped' };
  }

  // The business id makes its own flow win over the template with the same id (see FlowRegistry).
  await ctx.flows.refresh(business.id);
  const result = await ctx.engineFor(business.flowId, business.id).handleTurn({
    text: batch
      .map((message) => message.body.trim())
      .filter((body) => body !== '')
      .join('\n'),
    mediaCount: batch.reduce((count, message) => count + message.media.length, 0),
    state: conversation.botState,
    context: {
      business: {
        name: business.name,
        phoneNumber: business.phoneNumber,
        bookingLink: business.bookingLink,
        timeZone: business.timeZone,
        hours: business.hours,
      },
      contact: { phone: contact.phone, name: contact.name, email: contact.email },
      now: ctx.now(),
      voicemail: readVoicemail(conversation.details),
    },
  });

  // A STOP or a staff takeover may have arrived while the engine worked, because an LLM call
  // can take seconds. Storing this turn would undo it, so the turn is dropped.
  const latest = await findConversationById(ctx.db, conversationId);
  const latestContact = await findContactById(ctx.db, contact.id);
  if (!latest || !latestContact || !isBotAllowed(latest, latestContact)) {
    await recordEvent(ctx.db, {
      businessId: business.id,
      conversationId,
      type: 'bot.info',
      data: { message: 'Dropped the turn: the lead opted out or staff took over meanwhile' },
    });
    return { status: 'skipped' };
  }
  await storeTurn(ctx, business, conversation, contact, result);
  await recordLeadOutcome(ctx, conversation, contact, result);
  if (result.outcome === 'qualified' || result.outcome === 'needs_human') {
    await publishDomainEvent(ctx, {
      type: result.outcome === 'qualified' ? 'qualified' : 'handed_to_human',
      businessId: business.id,
      conversationId,
      reason: result.handoffReason,
    });
  }
  ctx.realtime.publish(business.id, 'conversation:updated', { conversationId });
  await sendReplies(ctx, business, conversation, result.replies);
  return { status: 'answered' };
}

/**
 * Schedules a bot turn for a conversation once the lead has paused for the batch window. Each
 * text schedules one; the first to run after the pause reads them all and the rest find none.
 */
export function scheduleBotTurn(
  ctx: AppContext,
  business: Business,
  conversationId: string,
  delayMs = ctx.config.replyBatchWindowMs,
): void {
  const turn = async () => {
    const result = await ctx.turns.run(conversationId, () => runBotTurn(ctx, business, conversationId));
    if (result.status === 'waiting') {
      scheduleBotTurn(ctx, business, conversationId, result.retryAfterMs);
    }
  };
  if (delayMs === 0) {
    ctx.tasks.run('bot turn', turn);
    return;
  }
  ctx.tasks.runLater('bot turn', delayMs, turn);
}

function isBotAllowed(conversation: Conversation, contact: Contact): boolean {
  return !contact.isOptedOut && isBotHolding(conversation);
}

/**
 * Whether the bot answers the lead's next text. After a booking it still does, so "actually
 * Thursday" updates the details and a new question goes to a person.
 */
export function isBotHolding(conversation: Conversation): boolean {
  return (
    conversation.holder === 'bot' &&
    conversation.status === 'open' &&
    (conversation.outcome === null || conversation.outcome === 'qualified')
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
  const outcomeReason = result.handoffReason ?? result.discardReason ?? null;
  await mergeConversationDetails(ctx.db, conversation.id, slots);
  await updateConversation(ctx.db, conversation.id, {
    botState: result.state,
    outcome: result.outcome ?? conversation.outcome,
    outcomeReason: result.outcome ? outcomeReason : conversation.outcomeReason,
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
      data: { reason: outcomeReason },
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

/** The voicemail the lead left, as the recording callback noted it in the conversation details. */
function readVoicemail(details: Record<string, unknown>): { transcript: string | null } | undefined {
  if (details.voicemail !== 'left') {
    return undefined;
  }
  const transcript = details.voicemail_transcript;
  return { transcript: typeof transcript === 'string' ? transcript : null };
}
