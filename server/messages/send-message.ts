import type { AppContext } from '../app-context.ts';
import { countSegments } from '../../bot/sms/count-segments.ts';
import type { Business } from '../businesses/business.ts';
import { findContactById } from '../contacts/contact-repo.ts';
import type { Contact } from '../contacts/contact-repo.ts';
import { recordEvent } from '../events/event-repo.ts';
import { advanceMessageStatus, insertMessage, updateMessage } from './message-repo.ts';
import type { Message } from './message-repo.ts';

export interface SendMessageOptions {
  business: Business;
  conversationId: string;
  contactId: string;
  body: string;
  author: 'bot' | 'staff' | 'system';
  /** Only the opt-out confirmation itself may reach an opted-out contact. */
  allowOptedOut?: boolean;
}

export type SendMessageResult =
  | { ok: true; message: Message }
  | {
      ok: false;
      reason: 'opted_out' | 'not_textable' | 'contact_missing' | 'provider_error';
      message?: Message;
    };

/**
 * Stores an outbound text and hands it to the provider. Every automated and staff message goes
 * through here, so the opt-out check made just before sending covers them all.
 */
export async function sendMessage(
  ctx: AppContext,
  options: SendMessageOptions,
): Promise<SendMessageResult> {
  const contact = await findContactById(ctx.db, options.contactId);
  if (!contact) {
    return { ok: false, reason: 'contact_missing' };
  }
  const blockReason = findBlockReason(contact, options);
  if (blockReason) {
    await recordEvent(ctx.db, {
      businessId: options.business.id,
      conversationId: options.conversationId,
      type: 'message.blocked',
      data: { reason: blockReason, author: options.author },
    });
    return { ok: false, reason: blockReason };
  }

  const stored = await insertMessage(ctx.db, {
    businessId: options.business.id,
    conversationId: options.conversationId,
    direction: 'outbound',
    author: options.author,
    body: options.body,
    status: 'queued',
    providerId: null,
    segments: countSegments(options.body).segments,
    media: [],
  });
  const message = stored as Message;
  ctx.realtime.publish(options.business.id, 'message:created', {
    conversationId: options.conversationId,
    messageId: message.id,
    direction: 'outbound',
  });

  const result = await ctx.provider.sendSms({
    from: options.business.phoneNumber,
    to: contact.phone,
    body: options.body,
    // Our own id in the callback URL finds the message even when the callback arrives before
    // the provider's id has been stored.
    statusCallbackUrl: `${ctx.config.publicBaseUrl}/webhooks/twilio/sms/status?messageId=${message.id}`,
  });
  const log = ctx.log.child({ businessId: options.business.id, conversationId: options.conversationId });

  if (!result.ok) {
    await updateMessage(ctx.db, message.id, {
      status: 'failed',
      errorCode: result.errorCode,
      errorMessage: result.errorMessage,
    });
    log.warn({ messageId: message.id, errorCode: result.errorCode }, 'message send failed');
    ctx.realtime.publish(options.business.id, 'message:updated', {
      conversationId: options.conversationId,
      messageId: message.id,
      status: 'failed',
    });
    return { ok: false, reason: 'provider_error', message: { ...message, status: 'failed' } };
  }

  // A status callback can arrive before the provider's reply, and its status must stay.
  await updateMessage(ctx.db, message.id, { providerId: result.providerId });
  await advanceMessageStatus(ctx.db, message.id, result.status);
  log.info({ messageId: message.id, author: options.author }, 'message sent');
  ctx.realtime.publish(options.business.id, 'message:updated', {
    conversationId: options.conversationId,
    messageId: message.id,
    status: result.status,
  });
  return { ok: true, message: { ...message, providerId: result.providerId, status: result.status } };
}

/** Finds the reason a text must not go to this contact; null when it may. */
function findBlockReason(
  contact: Contact,
  options: SendMessageOptions,
): 'opted_out' | 'not_textable' | null {
  if (contact.isOptedOut && !options.allowOptedOut) {
    return 'opted_out';
  }
  return contact.isTextable ? null : 'not_textable';
}
