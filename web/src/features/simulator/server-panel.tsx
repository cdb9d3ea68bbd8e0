import { findCallVerdict } from './call-verdict.ts';
import type { CallVerdict } from './call-verdict.ts';
import { formatClockTime } from '../../lib/format-time.ts';
import { humanize } from './humanize.ts';
import { listLeadDetails } from '../../lib/lead-details.ts';
import { describeOutcome } from '../../lib/lead-outcome.ts';
import { LinkifiedText } from '../../lib/linkified-text.tsx';
import { describeTextBackReason } from '../../lib/text-back-reason.ts';
import type { Thread, ThreadCall, ThreadConversation } from './simulator-api.ts';
import './server-panel.css';

export interface ServerPanelProps {
  thread: Thread | null;
  /** The message of the last failed refresh, or null. */
  error: string | null;
  callerNumber: string | null;
}

const verdictLabels: Record<CallVerdict, string> = {
  missed: 'Missed',
  answered: 'Answered',
  'in-progress': 'Ringing',
  unknown: 'Unknown',
};

/** Renders the server's records for this caller: calls, text-back decisions, the conversation. */
export function ServerPanel({ thread, error, callerNumber }: ServerPanelProps) {
  return (
    <section className="panel server-panel" aria-labelledby="server-panel-title">
      <header className="panel-header">
        <h2 id="server-panel-title">On the server</h2>
        <RefreshStatus isLoaded={thread !== null} error={error} callerNumber={callerNumber} />
      </header>
      <div className="server-panel-body">
        <CallList calls={thread?.calls ?? []} />
        <ConversationSummary
          conversation={thread?.conversation ?? null}
          messageCount={thread?.messages.length ?? 0}
        />
      </div>
    </section>
  );
}

function RefreshStatus({
  isLoaded,
  error,
  callerNumber,
}: {
  isLoaded: boolean;
  error: string | null;
  callerNumber: string | null;
}) {
  if (callerNumber === null) {
    return <p className="refresh-status">Enter a caller number to see its records.</p>;
  }
  if (error !== null) {
    return (
      <p className="refresh-status refresh-status-error" role="alert">
        Refresh failed: {error}
      </p>
    );
  }
  return (
    <p className="refresh-status">
      <span className={`live-dot${isLoaded ? ' live-dot-on' : ''}`} aria-hidden="true" />
      {isLoaded ? `Records for ${callerNumber}, refreshed every second` : 'Loading…'}
    </p>
  );
}

function CallList({ calls }: { calls: ThreadCall[] }) {
  const newestFirst = [...calls].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  return (
    <div className="panel-section">
      <h3>Calls</h3>
      {newestFirst.length === 0 ? (
        <p className="panel-empty">No calls from this number yet.</p>
      ) : (
        <ol className="call-records">
          {newestFirst.map((call) => (
            <CallRecord key={call.callSid} call={call} />
          ))}
        </ol>
      )}
    </div>
  );
}

function CallRecord({ call }: { call: ThreadCall }) {
  const verdict = findCallVerdict(call);
  const textBack = describeTextBack(call, verdict);
  return (
    <li className="call-record" data-verdict={verdict}>
      <div className="call-record-top">
        <span className={`badge badge-${verdict}`}>
          {verdict === 'unknown'
            ? humanize(call.dialStatus ?? call.status)
            : verdictLabels[verdict]}
        </span>
        <time dateTime={call.createdAt}>{formatClockTime(call.createdAt)}</time>
        <code className="call-sid" title={call.callSid}>
          {call.callSid}
        </code>
      </div>
      <dl className="facts">
        <dt>Dial status</dt>
        <dd>{call.dialStatus ?? 'none yet'}</dd>
        <dt>Call status</dt>
        <dd>{call.status}</dd>
        <dt>Text back</dt>
        <dd>
          <span className={`text-back text-back-${textBack.tone}`}>{textBack.label}</span>
          {call.textBackReason ? (
            <span className="text-back-reason"> · {describeTextBackReason(call.textBackReason)}</span>
          ) : null}
        </dd>
      </dl>
    </li>
  );
}

function ConversationSummary({
  conversation,
  messageCount,
}: {
  conversation: ThreadConversation | null;
  messageCount: number;
}) {
  if (!conversation) {
    return (
      <div className="panel-section">
        <h3>Conversation</h3>
        <p className="panel-empty">No conversation yet. A text back starts one.</p>
      </div>
    );
  }
  const details = listLeadDetails(conversation.details);
  return (
    <>
      <div className="panel-section">
        <h3>Conversation</h3>
        <dl className="facts">
          <dt>Held by</dt>
          <dd>
            <span className={`badge badge-holder-${conversation.holder}`}>
              {conversation.holder === 'bot' ? 'Bot' : 'Human'}
            </span>
          </dd>
          <dt>Status</dt>
          <dd>{humanize(conversation.status)}</dd>
          <dt>Outcome</dt>
          <dd>
            {conversation.outcome === null
              ? 'None yet'
              : describeOutcome(conversation.outcome)}
          </dd>
          <dt>Messages</dt>
          <dd>{messageCount}</dd>
        </dl>
      </div>
      <div className="panel-section">
        <h3>Collected details</h3>
        {details.length === 0 ? (
          <p className="panel-empty">Nothing collected yet.</p>
        ) : (
          <dl className="facts facts-details">
            {details.map((detail) => (
              <DetailRow key={detail.key} label={detail.label} value={detail.value} />
            ))}
          </dl>
        )}
      </div>
    </>
  );
}

function DetailRow({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <LinkifiedText text={value} />
      </dd>
    </>
  );
}

function describeTextBack(
  call: ThreadCall,
  verdict: CallVerdict,
): { label: string; tone: 'sent' | 'skipped' | 'failed' | 'pending' } {
  switch (call.textBackStatus) {
    case 'sent':
      return { label: 'Sent', tone: 'sent' };
    case 'skipped':
      return { label: 'Skipped', tone: 'skipped' };
    case 'failed':
      return { label: 'Failed', tone: 'failed' };
    case null:
      if (verdict === 'missed') {
        return { label: 'Deciding…', tone: 'pending' };
      }
      return { label: verdict === 'answered' ? 'Not needed' : 'None', tone: 'skipped' };
    default:
      return { label: humanize(call.textBackStatus), tone: 'pending' };
  }
}
