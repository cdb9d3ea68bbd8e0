import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { ApiError } from '../../lib/api-client.ts';
import { describeError, isAbortError } from '../../lib/describe-error.ts';
import { authApi } from './auth-api.ts';
import type { Me } from './auth-api.ts';

type SessionState =
  | { kind: 'loading' }
  | { kind: 'anonymous' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; me: Me };

interface SessionContextValue {
  state: SessionState;
  /** Reads the logged-in user again, such as after logging in. */
  reload: () => void;
  logOut: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** Loads who is logged in once and shares it with every page. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    authApi.fetchMe(controller.signal).then(
      (me) => setState({ kind: 'ready', me }),
      (error: unknown) => {
        if (isAbortError(error)) {
          return;
        }
        if (error instanceof ApiError && error.status === 401) {
          setState({ kind: 'anonymous' });
          return;
        }
        setState({ kind: 'failed', message: describeError(error) });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const reload = useCallback(() => setAttempt((count) => count + 1), []);
  const logOut = useCallback(async () => {
    await authApi.logOut().catch(() => undefined);
    setState({ kind: 'anonymous' });
  }, []);
  const value = useMemo(() => ({ state, reload, logOut }), [state, reload, logOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) {
    throw new Error('useSession must be used inside SessionProvider');
  }
  return value;
}

/** The logged-in user, for pages that only render once someone is logged in. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.kind !== 'ready') {
    throw new Error('useMe must be used on a page for logged-in users');
  }
  return state.me;
}
