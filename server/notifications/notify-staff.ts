import type { AppContext } from '../app-context.ts';
import { insertNotification } from './notification-repo.ts';
import type { NewNotification, Notification } from './notification-repo.ts';

/**
 * Tells the business's staff that something needs a person: stores an inbox notification and
 * pushes it to open inboxes. Other channels (SMS or e-mail to a team member) build on this.
 */
export async function notifyStaff(ctx: AppContext, notification: NewNotification): Promise<Notification> {
  const stored = await insertNotification(ctx.db, notification);
  ctx.realtime.publish(notification.businessId, 'notification:created', {
    notificationId: stored.id,
    conversationId: stored.conversationId,
    kind: stored.kind,
  });
  ctx.log.info(
    { businessId: stored.businessId, conversationId: stored.conversationId, kind: stored.kind },
    'staff notified',
  );
  return stored;
}
