import { formatClockTime, formatSeparatorTime } from '../../lib/format-time.ts';
import { formatDetail, listLeadDetails } from '../../lib/lead-details.ts';
import { describeOutcome, sentenceCase } from '../../lib/lead-outcome.ts';
import { describeTextBackReason } from '../../lib/text-back-reason.ts';
import { describeEvent } from './describe-event.ts';
import type { ConversationDetail, InboxCall } from './inbox-api.ts';

export interface LeadPanelProps {
  conversation: ConversationDetail;
  /** Closes the panel where it shows as a drawer. Wide pages hide the close button. */
  onClose: () => void;
}

/** Renders the right column: the lead summary, collected details, the call, nudges and activity. */
export function LeadPanel({ conversation, onClose }: LeadPanelProps) {
  const details = listLeadDetails(conversation.details);
  const handoff = [...conversation.events].reverse().find((event) => event.type === 'conversation.needs_human');
  return (
    <aside className="lead-panel" id="lead-panel" aria-label="Lead details">
      <div className="lead-panel-bar">
        <span>Lead details</span>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
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
            {details.map((detail) => (
              <div key={detail.key}>
                <dt>{detail.label}</dt>
                <dd>{detail.value}</dd>
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
              <strong>{sentenceCase(call.status)}</strong> · {formatSeparatorTime(call.createdAt)}
              <div className="lead-verdict">{call.verdictLabel}</div>
              <div className="lead-muted">
                {call.dialStatus ? `Dial: ${call.dialStatus}` : 'No forwarding'} · Text back:{' '}
                {call.textBackStatus ?? 'none'}
                {call.textBackReason ? ` (${describeTextBackReason(call.textBackReason)})` : ''}
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
                <div className="lead-muted">{sentenceCase(nudge.status)}</div>
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
  const need = formatDetail(conversation.details.need);
  const when = formatDetail(conversation.details.preferred_time_label);
  const where = formatDetail(conversation.details.address) ?? formatDetail(conversation.details.zip);
  if (!need) {
    return 'Waiting for the lead to say what they need.';
  }
  return [need, where ? `at ${where}` : null, when ? `· wants ${when}` : null].filter(Boolean).join(' ');
}

const outcomeTones: Partial<Record<string, string>> = { qualified: 'tag-green', needs_human: 'tag-orange' };

function OutcomeTag({ outcome }: { outcome: string | null }) {
  if (outcome === null) {
    return null;
  }
  const tone = outcomeTones[outcome] ?? 'tag-muted';
  return <span className={`tag ${tone}`}>{describeOutcome(outcome)}</span>;
}
