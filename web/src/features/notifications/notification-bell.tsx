import { useEffect, useRef, useState } from 'react';
import type { MouseEvent } from 'react';
import { navigate } from '../../app/navigate.ts';
import { formatSeparatorTime } from '../../lib/format-time.ts';
import type { StaffNotification } from './notifications-api.ts';
import { useNotifications } from './use-notifications.ts';
import './notifications.css';

/**
 * The bell in the inbox header: an unread badge and, when open, the business's recent staff
 * notifications (missed calls from withheld numbers or landlines, voicemails, handoffs), live.
 */
export function NotificationBell() {
  const { list, error, markRead, markAllRead } = useNotifications();
  const [isOpen, setIsOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const unreadCount = list?.unreadCount ?? 0;

  useEffect(() => {
    if (!isOpen) {
      return;
    }
    const closeOutside = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) {
        setIsOpen(false);
      }
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setIsOpen(false);
      }
    };
    document.addEventListener('pointerdown', closeOutside);
    document.addEventListener('keydown', closeOnEscape);
    return () => {
      document.removeEventListener('pointerdown', closeOutside);
      document.removeEventListener('keydown', closeOnEscape);
    };
  }, [isOpen]);

  return (
    <div className="notification-bell" ref={rootRef}>
      <button
        type="button"
        className="notification-bell-button"
        aria-label={unreadCount > 0 ? `Notifications, ${unreadCount} unread` : 'Notifications'}
        aria-expanded={isOpen}
        onClick={() => setIsOpen((open) => !open)}
      >
        <svg className="notification-bell-icon" viewBox="0 0 24 24" aria-hidden="true">
          <path
            d="M6 16V11a6 6 0 0 1 12 0v5l1.5 2h-15zM10 20a2 2 0 0 0 4 0"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        {unreadCount > 0 ? <span className="notification-badge">{unreadCount}</span> : null}
      </button>
      {isOpen ? (
        <section className="notification-panel" aria-label="Notifications">
          <header className="notification-panel-header">
            <h2>Notifications</h2>
            {unreadCount > 0 ? (
              <button type="button" className="notification-action" onClick={() => void markAllRead()}>
                Mark all read
              </button>
            ) : null}
          </header>
          {error ? <p className="error-banner notification-error">{error}</p> : null}
          {list && list.notifications.length === 0 ? (
            <p className="notification-empty">Nothing needs you right now.</p>
          ) : null}
          <ul className="notification-items">
            {list?.notifications.map((notification) => (
              <NotificationItem
                key={notification.id}
                notification={notification}
                onMarkRead={() => void markRead(notification.id)}
                onOpen={() => setIsOpen(false)}
              />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

interface NotificationItemProps {
  notification: StaffNotification;
  onMarkRead: () => void;
  onOpen: () => void;
}

function NotificationItem({ notification, onMarkRead, onOpen }: NotificationItemProps) {
  const isUnread = notification.readAt === null;
  const openConversation = (event: MouseEvent<HTMLAnchorElement>, path: string) => {
    if (isUnread) {
      onMarkRead();
    }
    // Like NavLink: ctrl/cmd-click still opens a new tab.
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) {
      return;
    }
    event.preventDefault();
    onOpen();
    navigate(path);
  };
  return (
    <li className={isUnread ? 'notification-item notification-item-unread' : 'notification-item'}>
      <p className="notification-message">{notification.message}</p>
      <div className="notification-meta">
        <time dateTime={notification.createdAt}>{formatSeparatorTime(notification.createdAt)}</time>
        {notification.conversationId ? (
          <a
            href={`/inbox/${notification.conversationId}`}
            className="notification-action"
            onClick={(event) => openConversation(event, `/inbox/${notification.conversationId}`)}
          >
            Open conversation
          </a>
        ) : null}
        {isUnread ? (
          <button type="button" className="notification-action" onClick={onMarkRead}>
            Mark read
          </button>
        ) : null}
      </div>
    </li>
  );
}
