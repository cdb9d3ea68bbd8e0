import type { AppContext } from '../app-context.ts';
import { recordEvent } from '../events/event-repo.ts';
import { publishDomainEvent } from '../workflows/publish-domain-event.ts';
import { claimBooking, findConversationById } from './conversation-repo.ts';
import type { Conversation } from './conversation-repo.ts';

export interface RecordBookingOptions {
  /** The staff member who marked the booking; null when it came through the bearer-token API. */
  userId: string | null;
}

/**
 * Records that the lead booked an appointment. Stores the booking time on the conversation,
 * logs a `conversation.booked` event, publishes the `booked` domain event so workflows that stop
 * on a booking stop, and pushes `conversation:updated` to open inboxes. A conversation already
 * booked keeps its first booking time and nothing is recorded again, however many requests race.
 * Returns the booking time.
 */
export async function recordBooking(
  ctx: AppContext,
  conversation: Conversation,
  options: RecordBookingOptions,
): Promise<Date> {
  const { businessId, id: conversationId } = conversation;
  const claimed = await claimBooking(ctx.db, conversationId, ctx.now());
  if (claimed === null) {
    const current = await findConversationById(ctx.db, conversationId);
    return current?.bookedAt ?? ctx.now();
  }
  const bookedAt = claimed;
  await recordEvent(ctx.db, {
    businessId,
    conversationId,
    type: 'conversation.booked',
    data: { at: bookedAt.toISOString(), userId: options.userId },
  });
  ctx.log.info({ businessId, conversationId, userId: options.userId }, 'booking recorded');
  await publishDomainEvent(ctx, { type: 'booked', businessId, conversationId });
  ctx.realtime.publish(businessId, 'conversation:updated', { conversationId });
  return bookedAt;
}
