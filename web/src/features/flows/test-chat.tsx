import { useState } from 'react';
import type { FormEvent } from 'react';
import { describeError } from '../../lib/describe-error.ts';
import { describeOutcome } from '../../lib/lead-outcome.ts';
import { flowsApi } from './flows-api.ts';
import type { TestChatState } from './flows-api.ts';

interface ChatLine {
  id: number;
  from: 'lead' | 'bot' | 'info';
  text: string;
}

export interface TestChatProps {
  source: string;
  isDisabled: boolean;
}

/**
 * Renders a side chat that plays the lead against the draft in the editor, without saving it or
 * texting anyone. The bot's state stays in the browser between turns.
 */
export function TestChat({ source, isDisabled }: TestChatProps) {
  const [lines, setLines] = useState<ChatLine[]>([]);
  const [state, setState] = useState<TestChatState | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const message = text.trim();
    if (message === '' || isBusy) {
      return;
    }
    const nextId = lines.length;
    setLines((current) => [...current, { id: nextId, from: 'lead', text: message }]);
    setText('');
    setIsBusy(true);
    setError(null);
    try {
      const turn = await flowsApi.tryTurn(source, message, state);
      setState(turn.state);
      setLines((current) => [
        ...current,
        ...turn.replies.map((reply, index) => ({ id: nextId + 1 + index, from: 'bot' as const, text: reply })),
        ...(turn.outcome ? [{ id: nextId + 1 + turn.replies.length, from: 'info' as const, text: `Outcome: ${describeOutcome(turn.outcome)}` }] : []),
      ]);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setIsBusy(false);
    }
  };

  const restart = () => {
    setLines([]);
    setState(null);
    setError(null);
  };

  return (
    <aside className="test-chat" aria-label="Try the flow">
      <header>
        <h2>Try it</h2>
        <button type="button" className="button" onClick={restart}>
          Restart
        </button>
      </header>
      <p className="test-chat-intro">
        You are the lead replying to the opening text. Nothing is sent or saved.
      </p>
      <div className="test-chat-lines" role="log">
        {lines.map((line) => (
          <div key={line.id} className={`test-chat-line test-chat-${line.from}`}>
            {line.text}
          </div>
        ))}
        {isBusy ? <div className="test-chat-line test-chat-info">…</div> : null}
      </div>
      {error ? <p className="error-banner">{error}</p> : null}
      {isDisabled ? (
        <p className="test-chat-blocked" id="test-chat-blocked">
          Fix the problems in the flow to try it.
        </p>
      ) : null}
      <form className="test-chat-form" onSubmit={(event) => void send(event)}>
        <input
          aria-label="Test message"
          aria-describedby={isDisabled ? 'test-chat-blocked' : undefined}
          placeholder={isDisabled ? 'Fix the problems first' : 'Reply as the lead…'}
          value={text}
          disabled={isDisabled}
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit" className="button-primary" disabled={isDisabled || isBusy || text.trim() === ''}>
          Send
        </button>
      </form>
    </aside>
  );
}
