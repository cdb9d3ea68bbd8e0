import { useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import { countSegments } from '../../../../bot/sms/count-segments.ts';
import { describeError } from '../../lib/describe-error.ts';
import { inboxApi } from './inbox-api.ts';
import type { ConversationDetail } from './inbox-api.ts';

type Mode = 'reply' | 'note';

export interface ReplyComposerProps {
  conversation: ConversationDetail;
  onSent: () => void;
}

/**
 * Renders the box under the transcript, which sends either a text to the lead (which takes the
 * conversation over from the bot) or an internal note. Texting is disabled, with the reason
 * shown, for a contact who opted out or a closed conversation.
 */
export function ReplyComposer({ conversation, onSent }: ReplyComposerProps) {
  const [mode, setMode] = useState<Mode>('reply');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isSending, setIsSending] = useState(false);

  const blockedReason =
    mode === 'note'
      ? null
      : conversation.contact.isOptedOut
        ? 'This contact opted out by texting STOP, so they cannot be texted. Add a note instead.'
        : conversation.status === 'closed'
          ? 'This conversation is closed. Reopen it to reply.'
          : null;
  const segments = countSegments(text);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    const body = text.trim();
    if (body === '' || blockedReason || isSending) {
      return;
    }
    setIsSending(true);
    setError(null);
    try {
      if (mode === 'reply') {
        await inboxApi.reply(conversation.id, body);
      } else {
        await inboxApi.addNote(conversation.id, body);
      }
      setText('');
      onSent();
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setIsSending(false);
    }
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void submit();
    }
  };

  return (
    <form className={`reply-composer reply-composer-${mode}`} onSubmit={(event) => void submit(event)}>
      <div className="composer-tabs" role="tablist">
        <button type="button" role="tab" aria-selected={mode === 'reply'} onClick={() => setMode('reply')}>
          Reply
        </button>
        <button type="button" role="tab" aria-selected={mode === 'note'} onClick={() => setMode('note')}>
          Internal note
        </button>
        {mode === 'reply' && !blockedReason && conversation.holder === 'bot' ? (
          <span className="composer-hint">Sending takes over from the bot</span>
        ) : null}
      </div>
      {blockedReason ? (
        <p className="composer-blocked" role="status">
          {blockedReason}
        </p>
      ) : null}
      <div className="composer-row">
        <textarea
          aria-label={mode === 'reply' ? 'Reply to the lead' : 'Internal note'}
          placeholder={mode === 'reply' ? 'Write a text…' : 'Write a note only your team sees…'}
          rows={2}
          value={text}
          disabled={Boolean(blockedReason)}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={handleKeyDown}
        />
        <button
          type="submit"
          className="button-primary"
          disabled={Boolean(blockedReason) || isSending || text.trim() === ''}
        >
          {mode === 'reply' ? 'Send' : 'Add note'}
        </button>
      </div>
      <div className="composer-footer">
        {error ? (
          <span className="composer-error" role="alert">
            {error}
          </span>
        ) : (
          <span />
        )}
        {mode === 'reply' && text !== '' ? (
          <span className="composer-count">
            {segments.units} {segments.encoding === 'GSM-7' ? 'characters' : 'UCS-2 units'} ·{' '}
            {segments.segments} segment{segments.segments === 1 ? '' : 's'}
          </span>
        ) : null}
      </div>
    </form>
  );
}
