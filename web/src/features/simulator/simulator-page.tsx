import { useEffect, useState } from 'react';
import { ApiError } from '../../lib/api-client.ts';
import { describeError, isAbortError } from '../../lib/describe-error.ts';
import { SimulatorWorkspace } from './simulator-workspace.tsx';
import { simulatorApi } from './simulator-api.ts';
import type { SimulatorState } from './simulator-api.ts';
import './simulator.css';

type LoadState =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'loaded'; state: SimulatorState };

/** Renders the phone simulator at /simulator, where an owner calls their business and texts its bot. */
export function SimulatorPage() {
  const [load, setLoad] = useState<LoadState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    simulatorApi.fetchState(controller.signal).then(
      (state) => setLoad({ kind: 'loaded', state }),
      (error: unknown) => {
        if (!isAbortError(error)) {
          setLoad({ kind: 'failed', message: describeLoadError(error) });
        }
      },
    );
    return () => controller.abort();
  }, [attempt]);

  return (
    <div className="simulator">
      <header className="app-header">
        <h1>Phone simulator</h1>
        <span className="sandbox-tag">Sandbox</span>
        <span className="simulator-hint">
          Call your business, let it ring out and watch the text back arrive in the inbox.
        </span>
      </header>
      {load.kind === 'loaded' ? <LoadedSimulator state={load.state} /> : null}
      {load.kind === 'loading' ? <p className="page-message">Loading the simulator…</p> : null}
      {load.kind === 'failed' ? (
        <div className="page-message" role="alert">
          <p>
            <strong>The simulator could not load.</strong>
            <br />
            {load.message}
          </p>
          <button
            type="button"
            onClick={() => {
              setLoad({ kind: 'loading' });
              setAttempt((count) => count + 1);
            }}
          >
            Try again
          </button>
        </div>
      ) : null}
    </div>
  );
}

function LoadedSimulator({ state }: { state: SimulatorState }) {
  if (state.businesses.length === 0) {
    return (
      <p className="page-message">
        There is no business to call. Start the server with the sandbox provider to seed the demo
        business.
      </p>
    );
  }
  return <SimulatorWorkspace state={state} />;
}

function describeLoadError(error: unknown): string {
  // The server mounts the simulator API only when it runs on the sandbox provider.
  if (error instanceof ApiError && error.status === 404) {
    return (
      'The server does not offer the simulator API, which runs only on the sandbox provider. ' +
      'Start the server without TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN.'
    );
  }
  return describeError(error);
}
