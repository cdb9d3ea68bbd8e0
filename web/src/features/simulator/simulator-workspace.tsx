import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { describeError } from '../../lib/describe-error.ts';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import { normalizeCallerNumber } from './caller-number.ts';
import type { PendingMessage } from './message-thread.tsx';
import { Phone } from './phone.tsx';
import { ServerPanel } from './server-panel.tsx';
import { SetupPanel } from './setup-panel.tsx';
import { simulatorApi } from './simulator-api.ts';
import type { SimulatorState, Thread } from './simulator-api.ts';
import { usePhoneCall } from './use-phone-call.ts';
import { useThread } from './use-thread.ts';

export interface SimulatorWorkspaceProps {
  /** The simulator state with at least one business. */
  state: SimulatorState;
}

/** Time after the lead's last text during which the phone shows the bot typing. */
const typingWindowMs = 20_000;
/** Time the caller number must stay unchanged before the thread switches to it. */
const keySettleMs = 400;
/** Time an error notice stays up before it hides itself. */
const noticeMs = 8000;

/** Renders the three columns of the simulator: setup, the phone and the server's records. */
export function SimulatorWorkspace({ state }: SimulatorWorkspaceProps) {
  const [businessNumber, setBusinessNumber] = useState(state.businesses[0]?.phoneNumber ?? '');
  const [callerInput, setCallerInput] = useState(state.defaultCallerNumber);
  const [pendingMessages, setPendingMessages] = useState<PendingMessage[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const nextPendingId = useRef(0);

  const business = state.businesses.find((item) => item.phoneNumber === businessNumber);
  const callerNumber = normalizeCallerNumber(callerInput);
  const key = useMemo(
    () => (callerNumber === null ? null : { businessNumber, callerNumber }),
    [businessNumber, callerNumber],
  );
  // Typing a number passes through shorter numbers that the server rejects, so the thread
  // follows the caller number only once it has stopped changing.
  const settledKey = useDebouncedValue(key, keySettleMs);
  const { thread, error, refresh } = useThread(settledKey);
  const handleCallPlaced = useCallback(() => void refresh(), [refresh]);
  const call = usePhoneCall({ key, onPlaced: handleCallPlaced });

  useEffect(() => {
    if (notice === null) {
      return;
    }
    const timer = window.setTimeout(() => setNotice(null), noticeMs);
    return () => window.clearTimeout(timer);
  }, [notice]);

  const handleSend = async (body: string): Promise<boolean> => {
    if (!key) {
      return false;
    }
    nextPendingId.current += 1;
    const pending = {
      localId: `pending-${nextPendingId.current}`,
      body,
      sentAt: new Date().toISOString(),
    };
    setPendingMessages((current) => [...current, pending]);
    try {
      await simulatorApi.sendLeadMessage(key, body);
      setNotice(null);
      await refresh();
      return true;
    } catch (sendError) {
      setNotice(`The message was not sent: ${describeError(sendError)}`);
      return false;
    } finally {
      setPendingMessages((current) => current.filter((item) => item.localId !== pending.localId));
    }
  };

  const businessName = business?.name ?? businessNumber;
  return (
    <main className="workspace">
      <SetupPanel
        businesses={state.businesses}
        businessNumber={businessNumber}
        onBusinessNumberChange={setBusinessNumber}
        callerInput={callerInput}
        onCallerInputChange={setCallerInput}
        isCallerValid={callerNumber !== null}
      />
      <div className="phone-column">
        <Phone
          businessName={businessName}
          businessNumber={businessNumber}
          messages={thread?.messages ?? []}
          pendingMessages={pendingMessages}
          isBotTyping={pendingMessages.length === 0 && isBotTyping(thread)}
          callPhase={call.phase}
          unavailableReason={callerNumber === null ? 'Enter a valid caller number first' : null}
          onCall={call.startRinging}
          onEndCall={(outcome) => void call.endCall(outcome)}
          onDismissCall={call.dismiss}
          onSend={handleSend}
        />
        {notice === null ? null : (
          <div className="notice" role="alert">
            <span>{notice}</span>
            <button type="button" aria-label="Dismiss" onClick={() => setNotice(null)}>
              ×
            </button>
          </div>
        )}
      </div>
      <ServerPanel thread={thread} error={error} callerNumber={callerNumber} />
    </main>
  );
}

/** Tells whether the bot owes the lead a reply: their text is the latest and still recent. */
function isBotTyping(thread: Thread | null): boolean {
  const conversation = thread?.conversation;
  const lastMessage = thread?.messages.at(-1);
  if (!conversation || !lastMessage) {
    return false;
  }
  if (conversation.holder !== 'bot' || conversation.status !== 'open') {
    return false;
  }
  const age = Date.now() - Date.parse(lastMessage.createdAt);
  return lastMessage.author === 'lead' && age < typingWindowMs;
}
