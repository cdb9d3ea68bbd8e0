import { replaceSummaryOutcome } from '../../bot/engine/build-lead-summary.ts';
import type { AppContext } from '../app-context.ts';
import type { Business } from '../businesses/business.ts';
import { findOrCreateContact, setContactOptOut } from '../contacts/contact-repo.ts';
import type { Contact } from '../contacts/contact-repo.ts';
import { findOrOpenConversation, updateConversation } from '../conversations/conversation-repo.ts';
import type { Conversation, ConversationChanges } from '../conversations/conversation-repo.ts';
import { isBotHolding, scheduleBotTurn } from '../conversations/run-bot-turn.ts';
import { recordEvent } from '../events/event-repo.ts';
import { toE164 } from '../lib/phone-number.ts';
import { fetchMediaFiles } from '../media/fetch-media-files.ts';
import { insertMediaFiles } from '../media/media-repo.ts';
import { notifyStaff } from '../notifications/notify-staff.ts';
import { publishDomainEvent } from '../workflows/publish-domain-event.ts';
import { classifyKeyword } from './classify-keyword.ts';
import { isLikelyOptOut } from './detect-likely-opt-out.ts';
import type { Keyword } from './classify-keyword.ts';
import { claimForBot, insertMessage } from './message-repo.ts';
import { sendMessage } from './send-message.ts';
import { readMedia } from './sms-webhook-schema.ts';
import type { InboundSms } from './sms-webhook-schema.ts';

export type InboundSmsResult = 'stored' | 'duplicate' | 'invalid_sender';

const optedOutReason = 'Opted out';

/**
 * Stores a lead's text once (a retried webhook is recognised by its MessageSid), applies
 * opt-out, opt-in and help keywords, and otherwise lets the bot answer in the background.
 */
export async function handleInboundSms(
  ctx: AppContext,
  business: Business,
  form: InboundSms,
): Promise<InboundSmsResult> {
  const phone = toE164(form.From);
  if (!phone) {
    ctx.log.warn({ businessId: business.id, messageSid: form.MessageSid }, 'text from an unusable sender');
    return 'invalid_sender';
  }
  const contact = await findOrCreateContact(ctx.db, business.id, phone);
  const conversation = await findOrOpenConversation(ctx.db, business.id, contact.id);
  const body = form.Body ?? '';
  const stored = await insertMessage(ctx.db, {
    businessId: business.id,
    conversationId: conversation.id,
    direction: 'inbound',
    author: 'lead',
    body,
    status: 'received',
    providerId: form.MessageSid,
    segments: 1,
    media: readMedia(form),
    createdAt: ctx.now(),
  });
  if (!stored) {
    return 'duplicate';
  }
  await updateConversation(ctx.db, conversation.id, { lastMessageAt: ctx.now() });
  const mediaFiles = await insertMediaFiles(ctx.db, { businessId: business.id, messageId: stored.id }, stored.media);
  fetchMediaFiles(ctx, mediaFiles);
  ctx.realtime.publish(business.id, 'message:created', {
    conversationId: conversation.id,
    messageId: stored.id,
    direction: 'inbound',
  });

  await publishDomainEvent(ctx, { type: 'lead_replied', businessId: business.id, conversationId: conversation.id });

  const isForBot = await applyTextBeforeBot(ctx, business, contact, conversation, form);
  if (isForBot) {
    scheduleBotTurn(ctx, business, conversation.id);
  } else {
    // A keyword, a text to staff or one sent while opted out is not input for the bot, so a
    // later bot turn must not read it.
    await claimForBot(ctx.db, [stored.id], ctx.now());
  }
  return 'stored';
}

/**
 * Applies keywords and the likely opt-out check. Returns true when the text goes on to the bot
 * as its input.
 */
async function applyTextBeforeBot(
  ctx: AppContext,
  business: Business,
  contact: Contact,
  conversation: Conversation,
  form: InboundSms,
): Promise<boolean> {
  const body = form.Body ?? '';
  const keyword = classifyKeyword(body, form.OptOutType);
  const isKeywordHandled = keyword ? await applyKeyword(ctx, business, contact, conversation, keyword) : false;
  if (isKeywordHandled || contact.isOptedOut) {
    return false;
  }
  if (isLikelyOptOut(body)) {
    await flagLikelyOptOut(ctx, business, conversation);
    return false;
  }
  return isBotHolding(conversation);
}

/** Applies a keyword; returns false when the text should go on to the bot as an answer. */
async function applyKeyword(
  ctx: AppContext,
  business: Business,
  contact: Contact,
  conversation: Conversation,
  keyword: Keyword,
): Promise<boolean> {
  const log = ctx.log.child({ businessId: business.id, conversationId: conversation.id });
  if (keyword.kind === 'opt_in' && !contact.isOptedOut) {
    return false;
  }
  if (keyword.kind === 'help') {
    await sendHelp(ctx, business, contact, conversation);
    return true;
  }
  const isOptedOut = keyword.kind === 'opt_out';
  await setContactOptOut(ctx.db, contact.id, { isOptedOut, keyword: keyword.keyword, at: ctx.now() });
  const changes = isOptedOut ? findOptOutChanges(conversation) : findOptInChanges(conversation);
  if (changes !== null) {
    await updateConversation(ctx.db, conversation.id, changes);
  }
  await recordEvent(ctx.db, {
    businessId: business.id,
    conversationId: conversation.id,
    type: isOptedOut ? 'contact.opted_out' : 'contact.opted_in',
    data: { keyword: keyword.keyword },
  });
  log.info({ contactId: contact.id, keyword: keyword.keyword }, isOptedOut ? 'contact opted out' : 'contact opted in');
  if (isOptedOut) {
    await publishDomainEvent(ctx, { type: 'opted_out', businessId: business.id, conversationId: conversation.id });
  }
  if (!ctx.provider.confirmsOptOut || business.sendOptOutConfirmation) {
    const body = isOptedOut
      ? `You are unsubscribed from ${business.name} and will receive no more messages. Reply START to resubscribe.`
      : `You are resubscribed to messages from ${business.name}. Reply STOP to unsubscribe.`;
    await sendMessage(ctx, {
      business,
      conversationId: conversation.id,
      contactId: contact.id,
      body,
      author: 'system',
      allowOptedOut: isOptedOut,
    });
  }
  return true;
}

/**
 * Returns the changes an opt-out makes: a lead with no outcome yet is discarded. A qualified or
 * handed-over lead keeps that outcome and summary, since they still gave their details. The
 * contact's opt-out flag is what stops the texts.
 */
function findOptOutChanges(conversation: Conversation): ConversationChanges | null {
  if (conversation.outcome !== null) {
    return null;
  }
  return {
    outcome: 'discarded',
    outcomeReason: optedOutReason,
    summary: replaceSummaryOutcome(conversation.summary, 'discarded', optedOutReason),
    botState: null,
  };
}

/**
 * Returns the changes an opt-in makes: the bot starts afresh on the lead's next text, unless the
 * lead keeps a qualified or handed-over outcome. Pending workflow steps do not restart.
 */
function findOptInChanges(conversation: Conversation): ConversationChanges | null {
  if (conversation.outcome === 'qualified' || conversation.outcome === 'needs_human') {
    return null;
  }
  return {
    outcome: null,
    outcomeReason: null,
    summary:
      conversation.summary === null ? null : replaceSummaryOutcome(conversation.summary, null, null),
    botState: null,
  };
}

/** Pauses the bot and asks a person to read a text that sounds like "stop texting me". */
async function flagLikelyOptOut(
  ctx: AppContext,
  business: Business,
  conversation: Conversation,
): Promise<void> {
  await updateConversation(ctx.db, conversation.id, { holder: 'human', attentionReason: 'likely_opt_out' });
  await recordEvent(ctx.db, {
    businessId: business.id,
    conversationId: conversation.id,
    type: 'message.likely_opt_out',
  });
  await publishDomainEvent(ctx, {
    type: 'handed_to_human',
    businessId: business.id,
    conversationId: conversation.id,
    reason: 'likely opt-out',
  });
  await notifyStaff(ctx, {
    businessId: business.id,
    conversationId: conversation.id,
    kind: 'likely_opt_out',
    message: 'The lead may want no more texts. The bot is paused; reply or close the conversation.',
  });
  ctx.realtime.publish(business.id, 'conversation:updated', { conversationId: conversation.id });
}

async function sendHelp(
  ctx: AppContext,
  business: Business,
  contact: Contact,
  conversation: Conversation,
): Promise<void> {
  await sendMessage(ctx, {
    business,
    conversationId: conversation.id,
    contactId: contact.id,
    body: `${business.name}: replies to this number reach our team. Call ${business.phoneNumber} to talk to us. Reply STOP to unsubscribe.`,
    author: 'system',
    allowOptedOut: true,
  });
}
