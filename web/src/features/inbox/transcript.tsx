import { useLayoutEffect, useRef } from 'react';
import { formatClockTime, formatSeparatorTime } from '../../lib/format-time.ts';
import { LinkifiedText } from '../../lib/linkified-text.tsx';
import { describeMessageStatus } from '../../lib/message-status.ts';
import { describeTextBackReason } from '../../lib/text-back-reason.ts';
import type { ConversationDetail, InboxCall, InboxMessage, InboxNote } from './inbox-api.ts';

type TimelineItem =
  | { kind: 'message'; at: string; message: InboxMessage }
  | { kind: 'note'; at: string; note: InboxNote }
  | { kind: 'call'; at: string; call: InboxCall };

/** The conversation as one timeline: calls, texts both ways with delivery status, and notes. */
export function Transcript({ conversation }: { conversation: ConversationDetail }) {
  const scrollerRef = useRef<HTMLDivElement>(null);
  const items = buildTimeline(conversation);

  // Scrolls only the transcript, once the composer below it has its final height. Scrolling an
  // element into view would also scroll the page on phones.
  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    if (scroller) {
      scroller.scrollTop = scroller.scrollHeight;
    }
  }, [items.length, conversation.id]);

  let previousAt: string | null = null;
  return (
    <div className="transcript" aria-label="Transcript" role="log" ref={scrollerRef}>
      {items.map((item) => {
        const showSeparator = previousAt === null || gapMinutes(previousAt, item.at) > 30;
        previousAt = item.at;
        return (
          <div key={`${item.kind}-${keyOf(item)}`}>
            {showSeparator ? <div className="transcript-separator">{formatSeparatorTime(item.at)}</div> : null}
            <TimelineEntry item={item} />
          </div>
        );
      })}
    </div>
  );
}

function TimelineEntry({ item }: { item: TimelineItem }) {
  if (item.kind === 'call') {
    return <CallEntry call={item.call} />;
  }
  if (item.kind === 'note') {
    return (
      <div className="note-entry">
        <div className="note-meta">
          Internal note · {item.note.authorName ?? 'Former team member'} · {formatClockTime(item.note.createdAt)}
        </div>
        <div className="note-body">{item.note.body}</div>
      </div>
    );
  }
  const message = item.message;
  const status = describeMessageStatus(message.status);
  return (
    <div className={`bubble-row bubble-row-${message.direction}`} data-author={message.author}>
      <div className={`bubble bubble-${message.author}`}>
        <LinkifiedText text={message.body} />
      </div>
      <div className="bubble-meta">
        {message.direction === 'outbound' ? <span className="bubble-author">{authorLabel(message.author)}</span> : null}
        <span>{formatClockTime(message.createdAt)}</span>
        {message.direction === 'outbound' ? (
          <span className={`bubble-status bubble-status-${status.tone}`} data-status={message.status}>
            {status.ticks} {status.label}
            {status.tone === 'failed' ? `: ${failureReason(message)}` : ''}
          </span>
        ) : null}
      </div>
    </div>
  );
}

const callTitles: Partial<Record<string, string>> = { missed: 'Missed call', answered: 'Answered call' };

function CallEntry({ call }: { call: InboxCall }) {
  const verdict = callTitles[call.status] ?? 'Call';
  const textBack =
    call.textBackStatus === 'sent'
      ? 'texted back'
      : call.textBackReason
        ? `not texted back (${describeTextBackReason(call.textBackReason)})`
        : null;
  return (
    <div className="call-entry">
      <span className="call-entry-icon" aria-hidden="true">
        ☎
      </span>
      {verdict} at {formatClockTime(call.createdAt)}
      {textBack ? ` · ${textBack}` : ''}
    </div>
  );
}

function buildTimeline(conversation: ConversationDetail): TimelineItem[] {
  const items: TimelineItem[] = [
    ...conversation.calls.map((call) => ({ kind: 'call' as const, at: call.createdAt, call })),
    ...conversation.messages.map((message) => ({ kind: 'message' as const, at: message.createdAt, message })),
    ...conversation.notes.map((note) => ({ kind: 'note' as const, at: note.createdAt, note })),
  ];
  // Calls sort before the text back they caused, which is stored in the same second.
  const rank = { call: 0, message: 1, note: 2 };
  return items.sort((left, right) => left.at.localeCompare(right.at) || rank[left.kind] - rank[right.kind]);
}

function keyOf(item: TimelineItem): string {
  if (item.kind === 'message') {
    return item.message.id;
  }
  return item.kind === 'note' ? item.note.id : item.call.id;
}

function gapMinutes(earlier: string, later: string): number {
  return (new Date(later).getTime() - new Date(earlier).getTime()) / 60_000;
}

function authorLabel(author: InboxMessage['author']): string {
  switch (author) {
    case 'bot':
      return 'Bot';
    case 'staff':
      return 'Staff';
    case 'system':
      return 'Automatic';
    default:
      return '';
  }
}

function failureReason(message: InboxMessage): string {
  if (message.errorMessage) {
    return message.errorCode ? `${message.errorMessage} (${message.errorCode})` : message.errorMessage;
  }
  return message.errorCode ? `error ${message.errorCode}` : 'no reason given';
}
