import type { AppContext } from '../app-context.ts';
import { markContactNotTextable } from '../contacts/contact-repo.ts';
import { findConversationById, updateConversation } from '../conversations/conversation-repo.ts';
import { recordEvent } from '../events/event-repo.ts';
import { notifyStaff } from '../notifications/notify-staff.ts';
import type { Message } from './message-repo.ts';

/**
 * Twilio delivery errors that mean the number cannot take texts: 30006 (landline or
 * unreachable carrier) and 30003 (unreachable handset). Retrying them only costs money.
 */
const unreachableNumberErrors = new Set(['30003', '30006']);

export function isUnreachableNumberError(errorCode: string | undefined): boolean {
  return errorCode !== undefined && unreachableNumberErrors.has(errorCode.trim());
}

/** Marks the lead's number not textable, pauses the bot and asks staff to call instead. */
export async function stopTextingUnreachable(ctx: AppContext, message: Message): Promise<void> {
  const conversation = await findConversationById(ctx.db, message.conversationId);
  if (!conversation) {
    return;
  }
  await markContactNotTextable(ctx.db, conversation.contactId, 'unreachable_by_sms');
  await updateConversation(ctx.db, conversation.id, { holder: 'human', attentionReason: 'not_textable' });
  await recordEvent(ctx.db, {
    businessId: message.businessId,
    conversationId: conversation.id,
    type: 'contact.not_textable',
    data: { messageId: message.id },
  });
  await notifyStaff(ctx, {
    businessId: message.businessId,
    conversationId: conversation.id,
    kind: 'not_textable',
    message: 'Texts to this lead cannot be delivered (landline or unreachable phone). Call back.',
  });
}
