import { useEffect, useState } from 'react';
import type { ForwardingCheck } from './forwarding-check-api.ts';
import { useForwardingCheck } from './use-forwarding-check.ts';

export interface ForwardingCheckPanelProps {
  textbackNumber: string;
  /** The saved carrier number when the saved mode is forwarded, else null: the check needs both. */
  savedCarrierNumber: string | null;
  /** Whether the mode or carrier number has unsaved edits, which the check would not use. */
  hasUnsavedChanges: boolean;
  isOwner: boolean;
}

/** The "Call me to test" button and the progress and result of the latest check. */
export function ForwardingCheckPanel({
  textbackNumber,
  savedCarrierNumber,
  hasUnsavedChanges,
  isOwner,
}: ForwardingCheckPanelProps) {
  const { check, error, isStarting, start } = useForwardingCheck();
  const isPending = check?.status === 'pending';
  const blocker = !isOwner
    ? 'Only owners can run the check.'
    : !savedCarrierNumber || hasUnsavedChanges
      ? 'Save your business phone number and this mode first.'
      : null;

  return (
    <div className="forwarding-check" aria-label="Forwarding check">
      <div className="forwarding-check-action">
        <button
          type="button"
          className="button-primary"
          disabled={blocker !== null || isStarting || isPending}
          onClick={start}
        >
          {isPending ? 'Testing…' : 'Call me to test'}
        </button>
        <p className="settings-help">
          {blocker ??
            `textback calls ${savedCarrierNumber} from ${textbackNumber}. Don’t answer it: ` +
              'let it ring until your carrier forwards it back.'}
        </p>
      </div>
      {error ? (
        <p className="forwarding-check-result" data-status="failed" role="alert">
          {error}
        </p>
      ) : null}
      {check ? <CheckResult check={check} /> : null}
    </div>
  );
}

function CheckResult({ check }: { check: ForwardingCheck }) {
  const secondsLeft = useSecondsLeft(check);
  if (check.status === 'pending') {
    return (
      <p className="forwarding-check-result" data-status="pending" role="status">
        Calling {check.carrierNumber}… waiting for your carrier to forward the call ({secondsLeft} s left).
      </p>
    );
  }
  if (check.status === 'passed') {
    const seconds = elapsedSeconds(check);
    return (
      <p className="forwarding-check-result" data-status="passed" role="status">
        Forwarding works: your carrier sent the unanswered test call to textback
        {seconds === null ? '' : ` after ${seconds} s`}.
      </p>
    );
  }
  return (
    <p className="forwarding-check-result" data-status="failed" role="status">
      Forwarding did not work. {check.failureReason}
    </p>
  );
}

/** Seconds until a pending check times out, by this browser's clock, ticking each second. */
function useSecondsLeft(check: ForwardingCheck): number {
  const [now, setNow] = useState(() => Date.now());
  const isPending = check.status === 'pending';
  useEffect(() => {
    if (!isPending) {
      return;
    }
    const timer = window.setInterval(() => setNow(Date.now()), 1_000);
    return () => window.clearInterval(timer);
  }, [isPending]);
  return Math.max(0, Math.ceil((Date.parse(check.expiresAt) - now) / 1000));
}

function elapsedSeconds(check: ForwardingCheck): number | null {
  if (!check.finishedAt) {
    return null;
  }
  return Math.round((Date.parse(check.finishedAt) - Date.parse(check.startedAt)) / 1000);
}
