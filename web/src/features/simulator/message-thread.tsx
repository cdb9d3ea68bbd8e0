import { Fragment, useLayoutEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { formatClockTime, formatSeparatorTime } from '../../lib/format-time.ts';
import { LinkifiedText } from '../../lib/linkified-text.tsx';
import { describeMessageStatus } from '../../lib/message-status.ts';
import type { ThreadMessage } from './simulator-api.ts';
import './message-thread.css';

/** A message the lead has sent that the server has not listed in the thread yet. */
export interface PendingMessage {
  localId: string;
  body: string;
  sentAt: string;
}

export interface MessageThreadProps {
  messages: ThreadMessage[];
  pendingMessages: PendingMessage[];
  isBotTyping: boolean;
  /** Shown while the thread has no messages. */
  emptyHint: ReactNode;
}

/** A gap longer than this between two messages starts a new timestamp separator. */
const separatorGapMs = 15 * 60 * 1000;
/** Distance from the bottom, in pixels, that still counts as reading the latest message. */
const pinnedThresholdPx = 48;

const authorLabels: Record<ThreadMessage['author'], string> = {
  lead: 'You',
  bot: 'Bot',
  staff: 'Staff',
  system: 'Automatic',
};

/** Renders the conversation: the lead's texts on the right, the business's on the left. */
export function MessageThread({
  messages,
  pendingMessages,
  isBotTyping,
  emptyHint,
}: MessageThreadProps) {
  const scrollerRef = useRef<HTMLDivElement>(null);
  const isPinnedRef = useRef(true);
  const itemCount = messages.length + pendingMessages.length;

  // Follows new messages unless the person has scrolled up to read older ones.
  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    if (scroller && isPinnedRef.current) {
      scroller.scrollTop = scroller.scrollHeight;
    }
  }, [itemCount, isBotTyping]);

  const handleScroll = () => {
    const scroller = scrollerRef.current;
    if (scroller) {
      const distance = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight;
      isPinnedRef.current = distance < pinnedThresholdPx;
    }
  };

  return (
    <div className="thread" ref={scrollerRef} onScroll={handleScroll}>
      {itemCount === 0 && !isBotTyping ? <div className="thread-empty">{emptyHint}</div> : null}
      <ol className="thread-list" role="log" aria-label="Messages">
        {messages.map((message, index) => (
          <Fragment key={message.id}>
            {startsNewGroup(messages[index - 1], message) ? (
              <li className="thread-separator" aria-hidden="true">
                {formatSeparatorTime(message.createdAt)}
              </li>
            ) : null}
            <MessageBubble message={message} />
          </Fragment>
        ))}
        {pendingMessages.map((pending) => (
          <li
            key={pending.localId}
            className="bubble-row bubble-row-mine"
            data-direction="inbound"
            data-author="lead"
            data-pending="true"
          >
            <div className="bubble bubble-mine bubble-pending">{pending.body}</div>
            <div className="bubble-meta">{formatClockTime(pending.sentAt)} · Sending…</div>
          </li>
        ))}
        {isBotTyping ? (
          <li className="bubble-row bubble-row-theirs" aria-label="The bot is typing">
            <div className="bubble bubble-theirs typing-indicator" aria-hidden="true">
              <span />
              <span />
              <span />
            </div>
          </li>
        ) : null}
      </ol>
    </div>
  );
}

function MessageBubble({ message }: { message: ThreadMessage }) {
  const isMine = message.direction === 'inbound';
  const status = describeMessageStatus(message.status);
  const side = isMine ? 'mine' : 'theirs';
  return (
    <li
      className={`bubble-row bubble-row-${side}`}
      data-direction={message.direction}
      data-author={message.author}
    >
      <div className={`bubble bubble-${side}`}>
        <LinkifiedText text={message.body} />
      </div>
      <div className="bubble-meta">
        {isMine ? null : <span className="bubble-author">{authorLabels[message.author]} · </span>}
        <time dateTime={message.createdAt}>{formatClockTime(message.createdAt)}</time>
        {' · '}
        <span className={`bubble-status bubble-status-${status.tone}`} title={message.status}>
          {status.ticks === '' ? null : <span className="bubble-ticks">{status.ticks} </span>}
          {status.label}
        </span>
      </div>
    </li>
  );
}

function startsNewGroup(previous: ThreadMessage | undefined, message: ThreadMessage): boolean {
  if (!previous) {
    return true;
  }
  const gap = Date.parse(message.createdAt) - Date.parse(previous.createdAt);
  return gap > separatorGapMs;
}
