import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError, isAbortError } from '../../lib/describe-error.ts';
import { useRealtime } from '../../lib/realtime.ts';
import { inboxApi } from './inbox-api.ts';
import type { InboxFilter, InboxList } from './inbox-api.ts';

export interface InboxListState {
  list: InboxList | null;
  error: string | null;
  refresh: () => void;
}

/** The inbox list for a filter and search, reloaded whenever the server pushes a change. */
export function useInboxList(filter: InboxFilter, q: string): InboxListState {
  const [list, setList] = useState<InboxList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const pending = useRef<number | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    inboxApi.list(filter, q, controller.signal).then(
      (next) => {
        setList(next);
        setError(null);
      },
      (caught: unknown) => {
        if (!isAbortError(caught)) {
          setError(describeError(caught));
        }
      },
    );
    return () => controller.abort();
  }, [filter, q, version]);

  // Bursts of events (a reply and its delivery report) collapse into one reload.
  const refresh = useCallback(() => {
    if (pending.current !== null) {
      return;
    }
    pending.current = window.setTimeout(() => {
      pending.current = null;
      setVersion((count) => count + 1);
    }, 120);
  }, []);

  useEffect(
    () => () => {
      if (pending.current !== null) {
        window.clearTimeout(pending.current);
      }
    },
    [],
  );

  useRealtime(
    (event) => {
      if (event !== 'settings:updated') {
        refresh();
      }
    },
    refresh,
  );

  return { list, error, refresh };
}
