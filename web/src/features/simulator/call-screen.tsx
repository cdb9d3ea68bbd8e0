import { useEffect, useState } from 'react';
import { initialsOf } from '../../lib/initials-of.ts';
import { PhoneIcon } from './phone-icon.tsx';
import type { CallOutcome } from './simulator-api.ts';
import type { PhoneCallPhase } from './use-phone-call.ts';
import './call-screen.css';

export interface CallScreenProps {
  phase: Exclude<PhoneCallPhase, { kind: 'idle' }>;
  businessName: string;
  businessNumber: string;
  onEndCall: (outcome: CallOutcome) => void;
  onDismiss: () => void;
}

const endedSummaries: Record<CallOutcome, { title: string; detail: string }> = {
  'no-answer': {
    title: 'No answer',
    detail: 'The call rang out: a missed call. The text back should arrive in a moment.',
  },
  canceled: {
    title: 'You hung up',
    detail: 'You hung up before anyone answered: a missed call. Expect a text back.',
  },
  busy: {
    title: 'Line busy',
    detail: 'The line was busy: a missed call. Expect a text back.',
  },
  completed: {
    title: 'Call answered',
    detail: 'The business picked up, so the call was not missed and no text back is due.',
  },
};

/** Renders the call view that covers the phone from dialing until the call has ended. */
export function CallScreen({
  phase,
  businessName,
  businessNumber,
  onEndCall,
  onDismiss,
}: CallScreenProps) {
  return (
    <section className="call-screen" aria-label="Phone call">
      <div className="call-party">
        <div
          className={`call-avatar${phase.kind === 'ringing' ? ' call-avatar-ringing' : ''}`}
          aria-hidden="true"
        >
          {initialsOf(businessName)}
        </div>
        <CallHeading phase={phase} businessName={businessName} />
        <p className="call-number">{businessNumber}</p>
        <CallStatusLine phase={phase} />
      </div>
      {phase.kind === 'ringing' || phase.kind === 'placing' ? (
        <CallChoices isBusy={phase.kind === 'placing'} onEndCall={onEndCall} />
      ) : (
        <div className="call-summary">
          <p role="status">
            {phase.kind === 'ended' ? endedSummaries[phase.outcome].detail : phase.message}
          </p>
          <button className="call-back" type="button" onClick={onDismiss}>
            Back to messages
          </button>
        </div>
      )}
    </section>
  );
}

function CallHeading({
  phase,
  businessName,
}: {
  phase: CallScreenProps['phase'];
  businessName: string;
}) {
  switch (phase.kind) {
    case 'ringing':
    case 'placing':
      return <h2 className="call-title">Calling {businessName}…</h2>;
    case 'ended':
      return <h2 className="call-title">{endedSummaries[phase.outcome].title}</h2>;
    case 'failed':
      return <h2 className="call-title">The call could not be placed</h2>;
  }
}

function CallStatusLine({ phase }: { phase: CallScreenProps['phase'] }) {
  const now = useNow(phase.kind === 'ringing');
  switch (phase.kind) {
    case 'ringing':
      return <p className="call-status">Ringing · {formatDuration(now - phase.startedAt)}</p>;
    case 'placing':
      return <p className="call-status">Ending the call…</p>;
    case 'ended':
      return <p className="call-status">Call ended</p>;
    case 'failed':
      return <p className="call-status call-status-error">Call failed</p>;
  }
}

function CallChoices({
  isBusy,
  onEndCall,
}: {
  isBusy: boolean;
  onEndCall: (outcome: CallOutcome) => void;
}) {
  return (
    <div className="call-choices">
      <p className="call-choices-title">How does the call end?</p>
      <button
        className="call-choice call-choice-ring-out"
        type="button"
        disabled={isBusy}
        aria-describedby="call-hint-ring-out"
        onClick={() => onEndCall('no-answer')}
      >
        Let it ring out
      </button>
      <p className="call-hint" id="call-hint-ring-out">
        Nobody answers: a missed call
      </p>
      <button
        className="call-choice call-choice-answer"
        type="button"
        disabled={isBusy}
        aria-describedby="call-hint-answer"
        onClick={() => onEndCall('completed')}
      >
        Answer (business picks up)
      </button>
      <p className="call-hint" id="call-hint-answer">
        Answered: not a missed call
      </p>
      <div className="call-hang-up-row">
        <button
          className="call-busy"
          type="button"
          disabled={isBusy}
          onClick={() => onEndCall('busy')}
        >
          Line busy
        </button>
        <button
          className="call-hang-up"
          type="button"
          disabled={isBusy}
          onClick={() => onEndCall('canceled')}
        >
          <span className="call-hang-up-icon" aria-hidden="true">
            <PhoneIcon size={26} />
          </span>
          Hang up
        </button>
      </div>
    </div>
  );
}

/** Returns the current time in milliseconds, updated every second while `isTicking`. */
function useNow(isTicking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!isTicking) {
      return;
    }
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [isTicking]);
  return now;
}

function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.floor(ms / 1000));
  const seconds = String(totalSeconds % 60).padStart(2, '0');
  return `${Math.floor(totalSeconds / 60)}:${seconds}`;
}
