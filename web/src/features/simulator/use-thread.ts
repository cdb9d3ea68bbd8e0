import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError, isAbortError } from '../../lib/describe-error.ts';
import { simulatorApi } from './simulator-api.ts';
import type { Thread, ThreadKey } from './simulator-api.ts';

export interface UseThreadResult {
  /** The latest thread for the current key; null until the first response arrives. */
  thread: Thread | null;
  /** The message of the last failed poll, cleared by the next successful one. */
  error: string | null;
  /** Polls now and resolves once that poll has finished, whether or not it succeeded. */
  refresh: () => Promise<void>;
}

interface Snapshot {
  keyId: string;
  thread: Thread | null;
  error: string | null;
}

/**
 * Polls the simulator thread for `key` every `intervalMs` while the page is visible, and at once
 * when it becomes visible again. Passing null stops polling.
 */
export function useThread(key: ThreadKey | null, intervalMs = 1000): UseThreadResult {
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  const refreshRef = useRef<() => Promise<void>>(() => Promise.resolve());
  const businessNumber = key?.businessNumber ?? null;
  const callerNumber = key?.callerNumber ?? null;
  const keyId = businessNumber && callerNumber ? `${businessNumber} ${callerNumber}` : null;

  useEffect(() => {
    if (!businessNumber || !callerNumber || !keyId) {
      return;
    }
    const threadKey = { businessNumber, callerNumber };
    let isActive = true;
    let timer: number | undefined;
    let controller: AbortController | null = null;
    let isPollQueued = false;
    const waiters: Array<() => void> = [];

    const scheduleNextPoll = () => {
      window.clearTimeout(timer);
      if (isActive && document.visibilityState === 'visible') {
        timer = window.setTimeout(() => void poll(), intervalMs);
      }
    };

    // Only one request runs at a time, so a poll requested meanwhile runs right after it.
    const poll = async (): Promise<void> => {
      if (controller) {
        isPollQueued = true;
        return;
      }
      window.clearTimeout(timer);
      const served = waiters.splice(0);
      controller = new AbortController();
      try {
        const thread = await simulatorApi.fetchThread(threadKey, controller.signal);
        if (isActive) {
          setSnapshot({ keyId, thread, error: null });
        }
      } catch (error) {
        if (isActive && !isAbortError(error)) {
          setSnapshot((previous) => ({
            keyId,
            thread: previous?.keyId === keyId ? previous.thread : null,
            error: describeError(error),
          }));
        }
      } finally {
        controller = null;
        served.forEach((resolve) => resolve());
      }
      if (isPollQueued) {
        isPollQueued = false;
        void poll();
        return;
      }
      scheduleNextPoll();
    };

    const handleVisibilityChange = () => {
      if (document.visibilityState === 'visible') {
        void poll();
      } else {
        window.clearTimeout(timer);
      }
    };

    document.addEventListener('visibilitychange', handleVisibilityChange);
    refreshRef.current = () =>
      new Promise<void>((resolve) => {
        waiters.push(resolve);
        void poll();
      });
    void poll();

    return () => {
      isActive = false;
      window.clearTimeout(timer);
      controller?.abort();
      document.removeEventListener('visibilitychange', handleVisibilityChange);
      refreshRef.current = () => Promise.resolve();
      waiters.splice(0).forEach((resolve) => resolve());
    };
  }, [businessNumber, callerNumber, keyId, intervalMs]);

  const refresh = useCallback(() => refreshRef.current(), []);
  const isCurrent = snapshot !== null && snapshot.keyId === keyId;
  return {
    thread: isCurrent ? snapshot.thread : null,
    error: isCurrent ? snapshot.error : null,
    refresh,
  };
}
