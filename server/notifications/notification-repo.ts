import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db/open-database.ts';
import { notifications } from '../db/schema.ts';

export interface Notification {
  id: string;
  businessId: string;
  conversationId: string | null;
  callId: string | null;
  kind: string;
  message: string;
  readAt: Date | null;
  createdAt: Date;
}

export type NewNotification = Pick<Notification, 'businessId' | 'kind' | 'message'> &
  Partial<Pick<Notification, 'conversationId' | 'callId'>>;

export async function insertNotification(db: Database, notification: NewNotification): Promise<Notification> {
  const rows = await db.insert(notifications).values(notification).returning();
  return rows[0] as Notification;
}

export async function listNotifications(
  db: Database,
  businessId: string,
  filter: { isUnreadOnly?: boolean; limit?: number } = {},
): Promise<Notification[]> {
  const where = filter.isUnreadOnly
    ? and(eq(notifications.businessId, businessId), isNull(notifications.readAt))
    : eq(notifications.businessId, businessId);
  return db.select().from(notifications).where(where).orderBy(desc(notifications.createdAt)).limit(filter.limit ?? 200);
}

export async function markNotificationRead(db: Database, businessId: string, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.id, id), eq(notifications.businessId, businessId)))
    .returning({ id: notifications.id });
  return rows.length === 1;
}

export async function countUnreadNotifications(db: Database, businessId: string): Promise<number> {
  const rows = await db
    .select({ unread: count() })
    .from(notifications)
    .where(and(eq(notifications.businessId, businessId), isNull(notifications.readAt)));
  return rows[0]?.unread ?? 0;
}

/** Marks every unread notification of the business read and returns how many changed. */
export async function markAllNotificationsRead(db: Database, businessId: string, at: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.businessId, businessId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}
