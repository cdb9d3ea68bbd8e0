import { formatClockTime, formatSeparatorTime } from '../../lib/format-time.ts';
import type { ConversationDetail, InboxCall, InboxEvent } from './inbox-api.ts';

/** Detail keys shown first, in this order, with readable labels. */
const knownDetails: Array<[string, string]> = [
  ['need', 'Need'],
  ['name', 'Name'],
  ['address', 'Address'],
  ['zip', 'ZIP'],
  ['preferred_time_label', 'Preferred time'],
  ['email', 'E-mail'],
  ['urgency', 'Urgency'],
];
const hiddenDetails = new Set(['preferred_time']);

/** Renders the right column: the lead summary, collected details, the call, nudges and activity. */
export function LeadPanel({ conversation }: { conversation: ConversationDetail }) {
  const details = orderedDetails(conversation.details);
  const handoff = [...conversation.events].reverse().find((event) => event.type === 'conversation.needs_human');
  return (
    <aside className="lead-panel" aria-label="Lead details">
      <section>
        <h3>Lead summary</h3>
        <p className="lead-summary">{summarize(conversation)}</p>
        <OutcomeTag outcome={conversation.outcome} />
        {handoff && typeof handoff.data.reason === 'string' && handoff.data.reason !== '' ? (
          <p className="lead-handoff">Handed to staff: {handoff.data.reason}</p>
        ) : null}
      </section>
      <section>
        <h3>Details collected</h3>
        {details.length === 0 ? (
          <p className="lead-empty">The bot has not collected anything yet.</p>
        ) : (
          <dl className="lead-details">
            {details.map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
      <section>
        <h3>Calls</h3>
        {conversation.calls.length === 0 ? <p className="lead-empty">No call recorded.</p> : null}
        <ul className="lead-list">
          {conversation.calls.map((call) => (
            <li key={call.id}>
              <strong>{call.status === 'missed' ? 'Missed' : call.status}</strong> · {formatSeparatorTime(call.createdAt)}
              <div className="lead-verdict">{call.verdictLabel}</div>
              <div className="lead-muted">
                {call.dialStatus ? `Dial: ${call.dialStatus}` : 'No forwarding'} · Text back:{' '}
                {call.textBackStatus ?? 'none'}
                {call.textBackReason ? ` (${call.textBackReason.replace(/_/g, ' ')})` : ''}
              </div>
              {call.voicemail ? <VoicemailPlayer voicemail={call.voicemail} /> : null}
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h3>Scheduled nudges</h3>
        {conversation.nudges.length === 0 ? (
          <p className="lead-empty">
            {conversation.holder === 'human' ? 'Paused while staff handle this.' : 'None scheduled.'}
          </p>
        ) : (
          <ul className="lead-list">
            {conversation.nudges.map((nudge) => (
              <li key={nudge.id}>
                <strong>{nudge.label}</strong> · {formatSeparatorTime(nudge.dueAt)}
                <div className="lead-muted">{nudge.status}</div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h3>Activity</h3>
        <ul className="lead-activity">
          {conversation.events
            .filter((event) => event.type !== 'bot.info')
            .slice(-8)
            .reverse()
            .map((event) => (
            <li key={event.id}>
              <span>{describeEvent(event)}</span>
              <span className="lead-muted">{formatClockTime(event.createdAt)}</span>
            </li>
          ))}
        </ul>
      </section>
    </aside>
  );
}

function VoicemailPlayer({ voicemail }: { voicemail: NonNullable<InboxCall['voicemail']> }) {
  const length = voicemail.durationSeconds === null ? '' : ` (${voicemail.durationSeconds} s)`;
  return (
    <div className="lead-voicemail">
      <div className="lead-muted">Voicemail{length}</div>
      {voicemail.audioUrl ? (
        <audio controls preload="none" src={voicemail.audioUrl} aria-label="Voicemail recording" />
      ) : (
        <p className="lead-empty">The recording is still downloading.</p>
      )}
      {voicemail.transcript ? (
        <blockquote className="lead-transcript">{voicemail.transcript}</blockquote>
      ) : null}
    </div>
  );
}

function summarize(conversation: ConversationDetail): string {
  const need = stringDetail(conversation.details.need);
  const when = stringDetail(conversation.details.preferred_time_label);
  const where = stringDetail(conversation.details.address) ?? stringDetail(conversation.details.zip);
  if (!need) {
    return 'Waiting for the lead to say what they need.';
  }
  return [need, where ? `at ${where}` : null, when ? `· wants ${when}` : null].filter(Boolean).join(' ');
}

function OutcomeTag({ outcome }: { outcome: string | null }) {
  if (outcome === 'qualified') {
    return <span className="tag tag-green">Booking link sent</span>;
  }
  if (outcome === 'needs_human') {
    return <span className="tag tag-orange">Needs a human</span>;
  }
  if (outcome === 'discarded') {
    return <span className="tag tag-muted">Not a lead</span>;
  }
  return null;
}

function orderedDetails(details: Record<string, unknown>): Array<[string, string]> {
  const rows: Array<[string, string]> = [];
  for (const [key, label] of knownDetails) {
    const value = stringDetail(details[key]);
    if (value) {
      rows.push([label, value]);
    }
  }
  const known = new Set(knownDetails.map(([key]) => key));
  for (const [key, raw] of Object.entries(details)) {
    const value = stringDetail(raw);
    if (value && !known.has(key) && !hiddenDetails.has(key)) {
      rows.push([key.replace(/_/g, ' '), value]);
    }
  }
  return rows;
}

function stringDetail(value: unknown): string | null {
  if (typeof value === 'string' && value.trim() !== '') {
    return value;
  }
  if (typeof value === 'number') {
    return String(value);
  }
  if (typeof value === 'boolean') {
    return value ? 'Yes' : 'No';
  }
  return null;
}

function describeEvent(event: InboxEvent): string {
  const who = typeof event.data.userName === 'string' ? event.data.userName : 'Staff';
  switch (event.type) {
    case 'staff.took_over':
      return `${who} took over`;
    case 'staff.handed_back':
      return `${who} handed back to the bot`;
    case 'staff.replied':
      return `${who} replied`;
    case 'staff.assigned':
      return typeof event.data.assigneeName === 'string' ? `Assigned to ${event.data.assigneeName}` : 'Unassigned';
    case 'staff.closed':
      return 'Closed';
    case 'staff.reopened':
      return 'Reopened';
    case 'text_back.sent':
      return 'Text back sent';
    case 'conversation.qualified':
      return 'Bot sent the booking link';
    case 'conversation.needs_human':
      return 'Bot handed over to staff';
    case 'message.blocked':
      return 'Text blocked: contact opted out';
    default:
      if (event.type.startsWith('bot.') && typeof event.data.message === 'string') {
        return `Bot: ${event.data.message}`;
      }
      return event.type.replace(/[._]/g, ' ');
  }
}
