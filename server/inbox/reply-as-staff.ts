import type { AppContext } from '../app-context.ts';
import type { User } from '../auth/user.ts';
import { findBusinessById } from '../businesses/business-repo.ts';
import { findContactById } from '../contacts/contact-repo.ts';
import { recordEvent } from '../events/event-repo.ts';
import { AppError } from '../lib/errors.ts';
import type { Message } from '../messages/message-repo.ts';
import { sendMessage } from '../messages/send-message.ts';
import { changeHolder } from './change-holder.ts';
import type { InboxConversation } from './inbox-conversation-repo.ts';

export interface ReplyAsStaffOptions {
  conversation: InboxConversation;
  user: User;
  body: string;
}

/**
 * Sends a staff member's text to the lead. Replying takes the conversation over first, so the
 * bot stays quiet from then on. Throws `opted_out` for a contact who texted STOP, and
 * `conflict` for a closed conversation. A provider failure is returned as the failed message.
 */
export async function replyAsStaff(ctx: AppContext, options: ReplyAsStaffOptions): Promise<Message> {
  const { conversation, user, body } = options;
  if (conversation.status === 'closed') {
    throw new AppError('conflict', 'This conversation is closed; reopen it to reply');
  }
  const [business, contact] = await Promise.all([
    findBusinessById(ctx.db, conversation.businessId),
    findContactById(ctx.db, conversation.contactId),
  ]);
  if (!business || !contact) {
    throw new AppError('not_found', 'Conversation not found');
  }
  if (contact.isOptedOut) {
    throw optedOutError();
  }

  await changeHolder(ctx, { conversation, user, holder: 'human' });
  const result = await sendMessage(ctx, {
    business,
    conversationId: conversation.id,
    contactId: contact.id,
    body,
    author: 'staff',
  });
  if (!result.ok && result.reason === 'opted_out') {
    throw optedOutError();
  }
  if (!result.message) {
    throw new AppError('not_found', 'Contact not found');
  }
  await recordEvent(ctx.db, {
    businessId: business.id,
    conversationId: conversation.id,
    type: 'staff.replied',
    data: { userId: user.id, userName: user.name, messageId: result.message.id },
  });
  return result.message;
}

function optedOutError(): AppError {
  return new AppError(
    'opted_out',
    'This contact opted out by texting STOP. They cannot be texted until they text START.',
  );
}
