import { useState } from 'react';
import type { FormEvent } from 'react';
import './message-composer.css';

export interface MessageComposerProps {
  isDisabled: boolean;
  placeholder: string;
  /** Sends the text and resolves false when sending failed, so the draft comes back. */
  onSend: (body: string) => Promise<boolean>;
}

/** Twilio's limit for one message body, in characters. */
const maxBodyLength = 1600;

/** Renders the phone's text field and Send button. */
export function MessageComposer({ isDisabled, placeholder, onSend }: MessageComposerProps) {
  const [draft, setDraft] = useState('');
  const body = draft.trim();

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (isDisabled || body === '') {
      return;
    }
    setDraft('');
    const isSent = await onSend(body);
    if (!isSent) {
      setDraft((current) => (current === '' ? body : current));
    }
  };

  return (
    <form className="composer" onSubmit={(event) => void handleSubmit(event)}>
      <input
        className="composer-input"
        type="text"
        aria-label="Message"
        placeholder={placeholder}
        value={draft}
        maxLength={maxBodyLength}
        disabled={isDisabled}
        onChange={(event) => setDraft(event.target.value)}
      />
      <button className="composer-send" type="submit" disabled={isDisabled || body === ''}>
        Send
      </button>
    </form>
  );
}
