import { z } from 'zod';
import { requestJson } from '../../lib/api-client.ts';

const notificationSchema = z.object({
  id: z.string(),
  conversationId: z.string().nullable(),
  callId: z.string().nullable(),
  kind: z.string(),
  message: z.string(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type StaffNotification = z.infer<typeof notificationSchema>;

const notificationListSchema = z.object({
  notifications: z.array(notificationSchema),
  unreadCount: z.number(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

const okSchema = z.unknown();
const base = '/app-api/notifications';

/** Calls to the staff notifications API; the server scopes each to the user's business. */
export const notificationsApi = {
  list(signal?: AbortSignal): Promise<NotificationList> {
    return requestJson(base, notificationListSchema, { signal });
  },

  markRead(id: string): Promise<unknown> {
    return requestJson(`${base}/${id}/read`, okSchema, { method: 'POST' });
  },

  markAllRead(): Promise<unknown> {
    return requestJson(`${base}/read-all`, okSchema, { method: 'POST' });
  },
};
