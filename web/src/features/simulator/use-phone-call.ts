import { useCallback, useEffect, useState } from 'react';
import { describeError } from '../../lib/describe-error.ts';
import { simulatorApi } from './simulator-api.ts';
import type { CallOutcome, ThreadKey } from './simulator-api.ts';

/**
 * The state of the simulated call. Ringing happens only in the browser. The server receives the
 * whole call at once, after the person picks how it ends.
 */
export type PhoneCallPhase =
  | { kind: 'idle' }
  | { kind: 'ringing'; startedAt: number }
  | { kind: 'placing'; outcome: CallOutcome }
  | { kind: 'ended'; outcome: CallOutcome }
  | { kind: 'failed'; message: string };

export interface UsePhoneCallOptions {
  key: ThreadKey | null;
  /** Runs after the server accepted the call, to fetch the thread without waiting for a poll. */
  onPlaced: () => void;
}

export interface UsePhoneCallResult {
  phase: PhoneCallPhase;
  startRinging: () => void;
  endCall: (outcome: CallOutcome) => Promise<void>;
  dismiss: () => void;
}

/** How long the "call ended" screen stays before the phone returns to the messages. */
const endedScreenMs = 1800;

export function usePhoneCall({ key, onPlaced }: UsePhoneCallOptions): UsePhoneCallResult {
  const [phase, setPhase] = useState<PhoneCallPhase>({ kind: 'idle' });

  useEffect(() => {
    if (phase.kind !== 'ended') {
      return;
    }
    const timer = window.setTimeout(() => setPhase({ kind: 'idle' }), endedScreenMs);
    return () => window.clearTimeout(timer);
  }, [phase]);

  const startRinging = useCallback(() => {
    setPhase({ kind: 'ringing', startedAt: Date.now() });
  }, []);

  const endCall = useCallback(
    async (outcome: CallOutcome) => {
      if (!key) {
        setPhase({ kind: 'failed', message: 'Enter a valid caller number before calling.' });
        return;
      }
      setPhase({ kind: 'placing', outcome });
      try {
        await simulatorApi.placeCall(key, outcome);
        setPhase({ kind: 'ended', outcome });
        onPlaced();
      } catch (error) {
        setPhase({ kind: 'failed', message: describeError(error) });
      }
    },
    [key, onPlaced],
  );

  const dismiss = useCallback(() => setPhase({ kind: 'idle' }), []);

  return { phase, startRinging, endCall, dismiss };
}
