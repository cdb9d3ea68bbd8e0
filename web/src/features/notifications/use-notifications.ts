import { useCallback, useEffect, useState } from 'react';
import { describeError, isAbortError } from '../../lib/describe-error.ts';
import { useRealtime } from '../../lib/realtime.ts';
import { notificationsApi } from './notifications-api.ts';
import type { NotificationList } from './notifications-api.ts';

export interface NotificationsState {
  list: NotificationList | null;
  error: string | null;
  markRead: (id: string) => Promise<void>;
  markAllRead: () => Promise<void>;
}

/** The business's staff notifications, reloaded when the server pushes a new one. */
export function useNotifications(): NotificationsState {
  const [list, setList] = useState<NotificationList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((count) => count + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    notificationsApi.list(controller.signal).then(
      (next) => {
        setList(next);
        setError(null);
      },
      (caught: unknown) => {
        if (!isAbortError(caught)) {
          setError(describeError(caught));
        }
      },
    );
    return () => controller.abort();
  }, [version]);

  // NOTE: the server pushes no event when a notification is read, so other open tabs show it
  // as unread until their next new notification or reconnect.
  useRealtime((event) => {
    if (event === 'notification:created') {
      reload();
    }
  }, reload);

  const run = useCallback(
    async (change: () => Promise<unknown>) => {
      try {
        await change();
      } catch (caught) {
        setError(describeError(caught));
      }
      reload();
    },
    [reload],
  );

  return {
    list,
    error,
    markRead: (id) => run(() => notificationsApi.markRead(id)),
    markAllRead: () => run(() => notificationsApi.markAllRead()),
  };
}
