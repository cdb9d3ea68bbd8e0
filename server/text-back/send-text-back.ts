import { buildMessageFields } from '../../bot/templates/build-message-fields.ts';
import type { AppContext } from '../app-context.ts';
import { renderTemplate } from '../../bot/templates/render-template.ts';
import type { Business } from '../businesses/business.ts';
import type { Call } from '../calls/call-repo.ts';
import { updateCall } from '../calls/call-repo.ts';
import { checkLineType } from '../contacts/check-line-type.ts';
import { findOrCreateContact } from '../contacts/contact-repo.ts';
import type { Contact } from '../contacts/contact-repo.ts';
import {
  claimTextBackSlot,
  findOrOpenConversation,
  updateConversation,
} from '../conversations/conversation-repo.ts';
import type { Conversation } from '../conversations/conversation-repo.ts';
import { recordEvent } from '../events/event-repo.ts';
import { parseCallerId } from '../lib/phone-number.ts';
import { sendMessage } from '../messages/send-message.ts';
import { notifyStaff } from '../notifications/notify-staff.ts';
import { chooseOpeningTemplate } from '../workflows/choose-opening-template.ts';
import { publishDomainEvent } from '../workflows/publish-domain-event.ts';

export type TextBackSkipReason =
  | 'text_back_off'
  | 'caller_id_withheld'
  | 'invalid_caller_id'
  | 'opted_out'
  | 'recently_texted'
  | 'staff_handling'
  | 'short_call'
  | 'not_textable'
  | 'landline';

export type TextBackResult =
  | { status: 'sent'; conversationId: string }
  | { status: 'skipped'; reason: TextBackSkipReason; conversationId: string | null }
  | { status: 'failed'; conversationId: string };

/**
 * Decides whether a missed call gets the opening message, sends it, and stores the decision
 * with its reason on the call and in the event log. The caller must have claimed the call's
 * text back first, so each missed call reaches here once.
 */
export async function sendTextBack(
  ctx: AppContext,
  business: Business,
  call: Call,
): Promise<TextBackResult> {
  const result = await decideAndSend(ctx, business, call);
  const reason = result.status === 'skipped' ? result.reason : null;
  await updateCall(ctx.db, call.id, { textBackStatus: result.status, textBackReason: reason });
  await recordEvent(ctx.db, {
    businessId: business.id,
    conversationId: result.conversationId,
    callId: call.id,
    type: `text_back.${result.status}`,
    data: reason ? { reason } : {},
  });
  ctx.log.info(
    { businessId: business.id, callId: call.id, conversationId: result.conversationId, status: result.status, reason },
    'text back decided',
  );
  ctx.realtime.publish(business.id, 'call:updated', { callId: call.id, conversationId: result.conversationId });
  if (result.conversationId) {
    ctx.realtime.publish(business.id, 'conversation:updated', { conversationId: result.conversationId });
    const event = { businessId: business.id, conversationId: result.conversationId };
    await publishDomainEvent(ctx, { ...event, type: 'missed_call' });
    if (result.status === 'sent') {
      await publishDomainEvent(ctx, { ...event, type: 'text_back_sent' });
    }
  }
  return result;
}

async function decideAndSend(ctx: AppContext, business: Business, call: Call): Promise<TextBackResult> {
  const callerId = parseCallerId(call.callerNumber ?? undefined);
  if (callerId.kind === 'withheld') {
    await notifyStaff(ctx, {
      businessId: business.id,
      callId: call.id,
      kind: 'withheld_caller_id',
      message: 'Missed call, caller ID withheld',
    });
    return { status: 'skipped', reason: 'caller_id_withheld', conversationId: null };
  }
  if (callerId.kind === 'invalid') {
    return { status: 'skipped', reason: 'invalid_caller_id', conversationId: null };
  }

  const contact = await findOrCreateContact(ctx.db, business.id, callerId.e164);
  const conversation = await findOrOpenConversation(ctx.db, business.id, contact.id);
  await updateCall(ctx.db, call.id, { contactId: contact.id, conversationId: conversation.id });

  const skipReason = findSkipReason(ctx, business, call, contact, conversation);
  if (skipReason) {
    return { status: 'skipped', reason: skipReason, conversationId: conversation.id };
  }
  if (business.lineTypeLookup && (await checkLineType(ctx, contact)) === 'landline') {
    await flagLandline(ctx, business, call, conversation);
    return { status: 'skipped', reason: 'landline', conversationId: conversation.id };
  }

  // Two missed calls decided moments apart both pass the check above; only one takes the slot.
  const windowMs = business.repeatWindowMinutes * 60_000;
  const isSlotTaken = await claimTextBackSlot(ctx.db, conversation.id, ctx.now(), windowMs);
  if (!isSlotTaken) {
    return { status: 'skipped', reason: 'recently_texted', conversationId: conversation.id };
  }

  const template = await chooseOpeningTemplate(ctx, business);
  const body = renderTemplate(template, buildMessageFields({ business, contact }));
  const sent = await sendMessage(ctx, {
    business,
    conversationId: conversation.id,
    contactId: contact.id,
    body,
    author: 'bot',
  });
  if (!sent.ok) {
    await updateConversation(ctx.db, conversation.id, { lastTextBackAt: conversation.lastTextBackAt });
    return sent.reason === 'opted_out'
      ? { status: 'skipped', reason: 'opted_out', conversationId: conversation.id }
      : { status: 'failed', conversationId: conversation.id };
  }

  // A new text back starts the flow afresh: the lead's next reply answers the opening question.
  await updateConversation(ctx.db, conversation.id, {
    lastTextBackAt: ctx.now(),
    lastMessageAt: ctx.now(),
    botState: null,
    outcome: null,
    outcomeReason: null,
    holder: 'bot',
  });
  return { status: 'sent', conversationId: conversation.id };
}

function findSkipReason(
  ctx: AppContext,
  business: Business,
  call: Call,
  contact: Contact,
  conversation: Conversation,
): TextBackSkipReason | null {
  if (!business.textBackEnabled) {
    return 'text_back_off';
  }
  if (isShortCall(business, call)) {
    return 'short_call';
  }
  if (contact.isOptedOut) {
    return 'opted_out';
  }
  if (!contact.isTextable) {
    return 'not_textable';
  }
  if (conversation.holder === 'human') {
    return 'staff_handling';
  }
  const windowMs = business.repeatWindowMinutes * 60_000;
  if (conversation.lastTextBackAt && ctx.now().getTime() - conversation.lastTextBackAt.getTime() < windowMs) {
    return 'recently_texted';
  }
  return null;
}

async function flagLandline(
  ctx: AppContext,
  business: Business,
  call: Call,
  conversation: Conversation,
): Promise<void> {
  await updateConversation(ctx.db, conversation.id, { attentionReason: 'landline' });
  await notifyStaff(ctx, {
    businessId: business.id,
    conversationId: conversation.id,
    callId: call.id,
    kind: 'landline',
    message: 'Missed call from a landline, which cannot get texts. Call back.',
  });
}

/** A caller who hung up before `minRingSeconds`, when the owner chose not to text those. */
function isShortCall(business: Business, call: Call): boolean {
  return (
    business.shortCallRule === 'skip' &&
    call.verdict === 'caller_hung_up' &&
    call.durationSeconds !== null &&
    call.durationSeconds < business.minRingSeconds
  );
}
