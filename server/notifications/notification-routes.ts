import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { sessionOf } from '../auth/require-session.ts';
import { AppError } from '../lib/errors.ts';
import { parseInput } from '../lib/parse-body.ts';
import {
  countUnreadNotifications,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from './notification-repo.ts';

/** How many notifications the panel lists. The unread count also includes older ones. */
const listedNotifications = 50;

const paramsSchema = z.object({ notificationId: z.uuid('Invalid notification id') });

/**
 * The staff notifications for the inbox's bell. Like the inbox routes, every route reads the
 * business from the session, so another business's notification id answers 404.
 */
export function createNotificationRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/', async (_req, res) => {
    const { businessId } = sessionOf(res).user;
    const [notifications, unreadCount] = await Promise.all([
      listNotifications(ctx.db, businessId, { limit: listedNotifications }),
      countUnreadNotifications(ctx.db, businessId),
    ]);
    res.json({
      notifications: notifications.map(({ businessId: _businessId, ...fields }) => fields),
      unreadCount,
    });
  });

  router.post('/read-all', async (_req, res) => {
    const { businessId } = sessionOf(res).user;
    const markedCount = await markAllNotificationsRead(ctx.db, businessId, ctx.now());
    res.json({ ok: true, markedCount });
  });

  router.post('/:notificationId/read', async (req, res) => {
    const { notificationId } = parseInput(paramsSchema, req.params);
    const { businessId } = sessionOf(res).user;
    if (!(await markNotificationRead(ctx.db, businessId, notificationId, ctx.now()))) {
      throw new AppError('not_found', 'Notification not found');
    }
    res.json({ ok: true });
  });

  return router;
}
