import { NavLink } from '../../app/nav-link.tsx';
import { initialsOf } from '../../lib/initials-of.ts';
import { NotificationBell } from '../notifications/notification-bell.tsx';
import { displayName } from './display-name.ts';
import { inboxFilters } from './inbox-api.ts';
import type { InboxFilter, InboxItem, InboxList } from './inbox-api.ts';
import { formatListTime } from './relative-time.ts';

export interface ConversationListProps {
  list: InboxList | null;
  error: string | null;
  filter: InboxFilter;
  onFilterChange: (filter: InboxFilter) => void;
  search: string;
  onSearchChange: (search: string) => void;
  selectedId: string | null;
}

/** The left column: search, filter tabs with counts and the conversations, newest first. */
export function ConversationList(props: ConversationListProps) {
  const { list, filter, selectedId } = props;
  return (
    <section className="inbox-list" aria-label="Conversations">
      <header className="inbox-list-header">
        <div className="inbox-list-title">
          <h1>Inbox</h1>
          <NotificationBell />
        </div>
        <input
          type="search"
          placeholder="Search name or number"
          aria-label="Search conversations"
          value={props.search}
          onChange={(event) => props.onSearchChange(event.target.value)}
        />
        <div className="inbox-filters" role="tablist" aria-label="Filter">
          {inboxFilters.map((option) => (
            <button
              key={option.id}
              type="button"
              role="tab"
              aria-selected={filter === option.id}
              className={filter === option.id ? 'filter-chip filter-chip-active' : 'filter-chip'}
              onClick={() => props.onFilterChange(option.id)}
            >
              {option.label}
              <span className="filter-count">{list?.counts[option.id] ?? ''}</span>
            </button>
          ))}
        </div>
      </header>
      {props.error ? <p className="error-banner inbox-list-error">{props.error}</p> : null}
      <ul className="inbox-rows">
        {list?.conversations.map((item) => (
          <ConversationRow key={item.id} item={item} isSelected={item.id === selectedId} />
        ))}
      </ul>
      {list && list.conversations.length === 0 ? (
        <p className="inbox-empty">
          {props.search ? 'No conversation matches your search.' : 'Nothing here right now.'}
        </p>
      ) : null}
    </section>
  );
}

function ConversationRow({ item, isSelected }: { item: InboxItem; isSelected: boolean }) {
  const name = displayName(item.contact);
  const preview = item.lastMessage
    ? `${item.lastMessage.direction === 'outbound' ? authorPrefix(item.lastMessage.author) : ''}${item.lastMessage.body}`
    : 'No messages yet';
  const className = ['inbox-row', isSelected ? 'inbox-row-selected' : '', item.unreadCount > 0 ? 'inbox-row-unread' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <li>
      <NavLink to={`/inbox/${item.id}`} className={className} aria-current={isSelected ? 'page' : undefined}>
        <span className={`avatar avatar-${item.holder}`} aria-hidden="true">
          {item.contact.name ? initialsOf(item.contact.name) : '#'}
        </span>
        <span className="inbox-row-main">
          <span className="inbox-row-top">
            <span className="inbox-row-name">{name}</span>
            <span className="inbox-row-time">{formatListTime(item.activityAt)}</span>
          </span>
          <span className="inbox-row-preview">{preview}</span>
          <span className="inbox-row-tags">
            <HolderTag item={item} />
            {item.unreadCount > 0 ? (
              <span className="unread-count" aria-label={`${item.unreadCount} unread`}>
                {item.unreadCount}
              </span>
            ) : null}
          </span>
        </span>
      </NavLink>
    </li>
  );
}

function HolderTag({ item }: { item: InboxItem }) {
  if (item.contact.isOptedOut) {
    return <span className="tag tag-muted">Opted out</span>;
  }
  if (item.status === 'closed') {
    return <span className="tag tag-muted">Closed</span>;
  }
  if (item.bookedAt) {
    return <span className="tag tag-green">Booked</span>;
  }
  if (item.holder === 'human') {
    return item.assigneeId ? <span className="tag tag-blue">Staff</span> : <span className="tag tag-orange">Needs a human</span>;
  }
  if (item.outcome === 'qualified') {
    return <span className="tag tag-bot">Link sent</span>;
  }
  return <span className="tag tag-bot">Bot</span>;
}

/** The author as the transcript names it, so a STOP confirmation reads "Automatic" everywhere. */
function authorPrefix(author: string): string {
  switch (author) {
    case 'staff':
      return 'Staff: ';
    case 'system':
      return 'Automatic: ';
    default:
      return 'Bot: ';
  }
}
