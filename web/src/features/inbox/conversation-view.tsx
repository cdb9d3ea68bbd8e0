import { useState } from 'react';
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
}

/** The middle column: who the lead is, who holds the chat, the transcript and the composer. */
export function ConversationView({ conversation, team, onChanged }: ConversationViewProps) {
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
        <div className="conversation-title">
          <h2>{displayName(conversation.contact)}</h2>
          <div className="conversation-subtitle">
            {conversation.contact.name ? formatPhone(conversation.contact.phone) : 'Name not known yet'}
            <HolderStatus conversation={conversation} />
          </div>
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
            <button type="button" className="button" disabled={isBusy} onClick={() => void run(() => inboxApi.act(conversation.id, 'handback'))}>
              Hand back to bot
            </button>
          ) : null}
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
