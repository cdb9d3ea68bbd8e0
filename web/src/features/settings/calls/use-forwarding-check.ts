import { useCallback, useEffect, useState } from 'react';
import { describeError } from '../../../lib/describe-error.ts';
import { forwardingCheckApi } from './forwarding-check-api.ts';
import type { ForwardingCheck } from './forwarding-check-api.ts';

/** How often a pending check is polled. */
const pollIntervalMs = 2_000;

export interface ForwardingCheckState {
  check: ForwardingCheck | null;
  /** Why starting or polling failed, when it did. */
  error: string | null;
  isStarting: boolean;
  start: () => void;
}

/** The latest forwarding check, polled while it is pending. */
export function useForwardingCheck(): ForwardingCheckState {
  const [check, setCheck] = useState<ForwardingCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isStarting, setIsStarting] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    forwardingCheckApi.readLatest(controller.signal).then(setCheck, () => undefined);
    return () => controller.abort();
  }, []);

  const isPending = check?.status === 'pending';
  useEffect(() => {
    if (!isPending) {
      return;
    }
    const timer = window.setInterval(() => {
      forwardingCheckApi.readLatest().then(setCheck, (caught: unknown) => setError(describeError(caught)));
    }, pollIntervalMs);
    return () => window.clearInterval(timer);
  }, [isPending]);

  const start = useCallback(() => {
    setIsStarting(true);
    setError(null);
    forwardingCheckApi
      .start()
      .then(setCheck, (caught: unknown) => setError(describeError(caught)))
      .finally(() => setIsStarting(false));
  }, []);

  return { check, error, isStarting, start };
}
