import { useState } from 'react';
import { NavLink } from '../../app/nav-link.tsx';
import { describeError } from '../../lib/describe-error.ts';
import { displayName, formatPhone } from './display-name.ts';
import { inboxApi } from './inbox-api.ts';
import type { ConversationDetail, TeamMember } from './inbox-api.ts';
import { ReplyComposer } from './reply-composer.tsx';
import { Transcript } from './transcript.tsx';

export interface ConversationViewProps {
  conversation: ConversationDetail;
  team: TeamMember[];
  onChanged: () => void;
  /** Whether the lead details show as a drawer, on pages too narrow for their own column. */
  isDetailsOpen: boolean;
  onToggleDetails: () => void;
}

const optedOutHandBackReason = 'The contact opted out, so the bot cannot text them';

/**
 * The middle column: who the lead is, who holds the chat, the transcript and the composer. On
 * phones it fills the page, with a link back to the list.
 */
export function ConversationView(props: ConversationViewProps) {
  const { conversation, team, onChanged } = props;
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const run = async (action: () => Promise<unknown>) => {
    setIsBusy(true);
    setError(null);
    try {
      await action();
      onChanged();
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setIsBusy(false);
    }
  };
  const isOpen = conversation.status === 'open';

  return (
    <section className="conversation" aria-label="Conversation">
      <header className="conversation-header">
        <div className="conversation-heading">
          <NavLink to="/inbox" className="conversation-back">
            <span aria-hidden="true">←</span>
            <span className="conversation-back-label">Conversations</span>
          </NavLink>
          <div className="conversation-title">
            <h2>{displayName(conversation.contact)}</h2>
            <div className="conversation-subtitle">
              {conversation.contact.name ? formatPhone(conversation.contact.phone) : 'Name not known yet'}
              <HolderStatus conversation={conversation} />
            </div>
          </div>
          <button
            type="button"
            className="button conversation-details-toggle"
            aria-expanded={props.isDetailsOpen}
            aria-controls="lead-panel"
            onClick={props.onToggleDetails}
          >
            Details
          </button>
        </div>
        <div className="conversation-actions">
          <label className="assign">
            <span>Assigned to</span>
            <select
              aria-label="Assigned to"
              value={conversation.assigneeId ?? ''}
              disabled={isBusy}
              onChange={(event) => void run(() => inboxApi.assign(conversation.id, event.target.value || null))}
            >
              <option value="">Nobody</option>
              {team.map((member) => (
                <option key={member.id} value={member.id}>
                  {member.name}
                </option>
              ))}
            </select>
          </label>
          {isOpen && conversation.holder === 'bot' ? (
            <button type="button" className="button" disabled={isBusy} onClick={() => void run(() => inboxApi.act(conversation.id, 'takeover'))}>
              Take over
            </button>
          ) : null}
          {isOpen && conversation.holder === 'human' ? (
            <button
              type="button"
              className="button"
              disabled={isBusy || conversation.contact.isOptedOut}
              title={conversation.contact.isOptedOut ? optedOutHandBackReason : undefined}
              aria-describedby={conversation.contact.isOptedOut ? 'handback-reason' : undefined}
              onClick={() => void run(() => inboxApi.act(conversation.id, 'handback'))}
            >
              Hand back to bot
            </button>
          ) : null}
          {isOpen && conversation.holder === 'human' && conversation.contact.isOptedOut ? (
            <span className="conversation-action-reason" id="handback-reason">
              {optedOutHandBackReason}.
            </span>
          ) : null}
          {conversation.bookedAt ? (
            <span className="tag tag-green" title={`Booked ${new Date(conversation.bookedAt).toLocaleString()}`}>
              Booked
            </span>
          ) : (
            <button type="button" className="button" disabled={isBusy} onClick={() => void run(() => inboxApi.markBooked(conversation.id))}>
              Mark booked
            </button>
          )}
          {isOpen ? (
            <button type="button" className="button" disabled={isBusy} onClick={() => void run(() => inboxApi.act(conversation.id, 'close'))}>
              Close
            </button>
          ) : (
            <button type="button" className="button" disabled={isBusy} onClick={() => void run(() => inboxApi.act(conversation.id, 'reopen'))}>
              Reopen
            </button>
          )}
        </div>
      </header>
      {error ? <p className="error-banner conversation-error">{error}</p> : null}
      <Transcript conversation={conversation} />
      <ReplyComposer conversation={conversation} onSent={onChanged} />
    </section>
  );
}

function HolderStatus({ conversation }: { conversation: ConversationDetail }) {
  if (conversation.status === 'closed') {
    return <span className="holder-pill holder-closed">Closed</span>;
  }
  // Nothing is sent to an opted-out contact, so "Bot is handling this" would mislead.
  if (conversation.contact.isOptedOut) {
    return (
      <span className="holder-pill holder-closed" data-holder={conversation.holder}>
        Opted out · nothing is sent
      </span>
    );
  }
  if (conversation.holder === 'bot') {
    return (
      <span className="holder-pill holder-bot" data-holder="bot">
        Bot is handling this
      </span>
    );
  }
  return (
    <span className="holder-pill holder-human" data-holder="human">
      Staff is handling this · bot paused
    </span>
  );
}
