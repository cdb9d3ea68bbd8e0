import { useState } from 'react';
import type { FormEvent } from 'react';
import { describeError } from '../../lib/describe-error.ts';
import { authApi } from './auth-api.ts';
import { useSession } from './session-context.tsx';
import './login-page.css';

/** The login form; on success the session reloads and the app opens the inbox. */
export function LoginPage() {
  const { reload } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsSubmitting(true);
    setError(null);
    try {
      await authApi.logIn(email, password);
      reload();
    } catch (caught) {
      setError(describeError(caught));
      setIsSubmitting(false);
    }
  };

  return (
    <main className="login">
      <form className="login-card" onSubmit={(event) => void submit(event)}>
        <div className="login-brand">
          <span className="login-logo" aria-hidden="true">
            tb
          </span>
          <span>textback</span>
        </div>
        <h1>Log in to your inbox</h1>
        <label>
          E-mail
          <input
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </label>
        <label>
          Password
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        {error ? (
          <p className="login-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="button-primary" disabled={isSubmitting}>
          {isSubmitting ? 'Logging in…' : 'Log in'}
        </button>
        <p className="login-hint">
          First time? The server prints the demo owner’s login when it starts, or an owner can be
          created with <code>npm run create-owner</code>.
        </p>
      </form>
    </main>
  );
}
