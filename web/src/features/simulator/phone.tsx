import { useEffect, useState } from 'react';
import { CallScreen } from './call-screen.tsx';
import { initialsOf } from '../../lib/initials-of.ts';
import { MessageComposer } from './message-composer.tsx';
import { MessageThread } from './message-thread.tsx';
import { PhoneIcon } from './phone-icon.tsx';
import type { PendingMessage } from './message-thread.tsx';
import type { CallOutcome, ThreadMessage } from './simulator-api.ts';
import type { PhoneCallPhase } from './use-phone-call.ts';
import './phone.css';

export interface PhoneProps {
  businessName: string;
  businessNumber: string;
  messages: ThreadMessage[];
  pendingMessages: PendingMessage[];
  isBotTyping: boolean;
  callPhase: PhoneCallPhase;
  /** The reason calling and texting are unavailable, such as an invalid caller number, or null. */
  unavailableReason: string | null;
  onCall: () => void;
  onEndCall: (outcome: CallOutcome) => void;
  onDismissCall: () => void;
  onSend: (body: string) => Promise<boolean>;
}

/** Renders the caller's phone: a device frame with the message thread and the call screen. */
export function Phone(props: PhoneProps) {
  const { businessName, businessNumber, callPhase, unavailableReason } = props;
  const isOnCall = callPhase.kind !== 'idle';

  return (
    <div className="phone" aria-label="Simulated phone">
      <div className={`phone-screen${isOnCall ? ' phone-screen-on-call' : ''}`}>
        <PhoneStatusBar />
        <header className="phone-header">
          <div className="phone-avatar" aria-hidden="true">
            {initialsOf(businessName)}
          </div>
          <div className="phone-contact">
            <p className="phone-contact-name">{businessName}</p>
            <p className="phone-contact-number">{businessNumber}</p>
          </div>
          <button
            className="phone-call-button"
            type="button"
            disabled={isOnCall || unavailableReason !== null}
            title={unavailableReason ?? `Call ${businessName}`}
            onClick={props.onCall}
          >
            <PhoneIcon size={14} />
            Call
          </button>
        </header>
        <MessageThread
          messages={props.messages}
          pendingMessages={props.pendingMessages}
          isBotTyping={props.isBotTyping}
          emptyHint={
            <>
              <strong>No messages yet.</strong>
              <br />
              Press Call and let it ring out: {businessName} texts you back.
            </>
          }
        />
        <MessageComposer
          isDisabled={unavailableReason !== null}
          placeholder={unavailableReason === null ? 'Text message' : 'Enter a caller number first'}
          onSend={props.onSend}
        />
        {callPhase.kind === 'idle' ? null : (
          <CallScreen
            phase={callPhase}
            businessName={businessName}
            businessNumber={businessNumber}
            onEndCall={props.onEndCall}
            onDismiss={props.onDismissCall}
          />
        )}
      </div>
    </div>
  );
}

function PhoneStatusBar() {
  const time = useClock();
  return (
    <div className="phone-status-bar" aria-hidden="true">
      <span>{time}</span>
      <span className="phone-island" />
      <span className="phone-indicators">
        <span className="phone-signal">
          <i />
          <i />
          <i />
          <i />
        </span>
        <span className="phone-battery" />
      </span>
    </div>
  );
}

/** Returns the local time as "3:07", refreshed every 15 seconds. */
function useClock(): string {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 15_000);
    return () => window.clearInterval(timer);
  }, []);
  return `${now.getHours() % 12 || 12}:${String(now.getMinutes()).padStart(2, '0')}`;
}
