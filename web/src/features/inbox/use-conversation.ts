import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError, isAbortError } from '../../lib/describe-error.ts';
import { useRealtime } from '../../lib/realtime.ts';
import { inboxApi } from './inbox-api.ts';
import type { ConversationDetail } from './inbox-api.ts';

export interface ConversationState {
  conversation: ConversationDetail | null;
  error: string | null;
  refresh: () => void;
}

/**
 * One conversation, reloaded when the server pushes a change to it. Opening it, and each new
 * message while it is open, marks it read for this user; `onRead` lets the list catch up.
 */
export function useConversation(id: string | null, onRead: () => void): ConversationState {
  const [conversation, setConversation] = useState<ConversationDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const onReadRef = useRef(onRead);
  onReadRef.current = onRead;

  useEffect(() => {
    if (!id) {
      setConversation(null);
      return;
    }
    const controller = new AbortController();
    inboxApi.read(id, controller.signal).then(
      (next) => {
        setConversation(next);
        setError(null);
        void inboxApi.markRead(id).then(() => onReadRef.current(), () => undefined);
      },
      (caught: unknown) => {
        if (!isAbortError(caught)) {
          setError(describeError(caught));
        }
      },
    );
    return () => controller.abort();
  }, [id, version]);

  const refresh = useCallback(() => setVersion((count) => count + 1), []);

  useRealtime(
    (event, payload) => {
      if (payload && 'conversationId' in payload && payload.conversationId === id) {
        refresh();
      }
      if (event === 'settings:updated') {
        return;
      }
    },
    refresh,
  );

  return { conversation: conversation?.id === id ? conversation : null, error, refresh };
}
