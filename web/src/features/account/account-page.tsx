import { useState } from 'react';
import type { FormEvent } from 'react';
import { describeError } from '../../lib/describe-error.ts';
import { authApi } from '../auth/auth-api.ts';
import { useMe } from '../auth/session-context.tsx';
import { findNewPasswordProblem, NewPasswordFields } from './password-fields.tsx';
import './account-page.css';

/** Renders /account: the logged-in user's name, e-mail and role, and a form to change their password. */
export function AccountPage() {
  const me = useMe();
  return (
    <div className="account">
      <h1>Your account</h1>
      <dl className="account-facts">
        <div>
          <dt>Name</dt>
          <dd>{me.user.name}</dd>
        </div>
        <div>
          <dt>E-mail</dt>
          <dd>{me.user.email}</dd>
        </div>
        <div>
          <dt>Role</dt>
          <dd>{me.user.role === 'owner' ? 'Owner' : 'Staff'}</dd>
        </div>
        <div>
          <dt>Business</dt>
          <dd>{me.business.name}</dd>
        </div>
      </dl>
      <ChangePasswordForm />
    </div>
  );
}

type Status =
  | { kind: 'idle' | 'saving' }
  | { kind: 'changed'; endedSessions: number }
  | { kind: 'error'; message: string };

function ChangePasswordForm() {
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const problem = newPassword === '' && repeated === '' ? null : findNewPasswordProblem(newPassword, repeated);
  const isReady = currentPassword !== '' && newPassword !== '' && problem === null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!isReady) {
      return;
    }
    setStatus({ kind: 'saving' });
    try {
      const result = await authApi.changePassword(currentPassword, newPassword);
      setCurrentPassword('');
      setNewPassword('');
      setRepeated('');
      setStatus({ kind: 'changed', endedSessions: result.endedSessions });
    } catch (caught) {
      setStatus({ kind: 'error', message: describeError(caught) });
    }
  };

  return (
    <form className="account-password" aria-labelledby="account-password-title" onSubmit={(event) => void submit(event)}>
      <h2 id="account-password-title">Change your password</h2>
      <p className="lead-muted">You stay logged in here. Every other device where you are logged in is logged out.</p>
      <label>
        Current password
        <input
          type="password"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(event) => setCurrentPassword(event.target.value)}
        />
      </label>
      <NewPasswordFields
        newPassword={newPassword}
        repeated={repeated}
        onNewPasswordChange={setNewPassword}
        onRepeatedChange={setRepeated}
      />
      {problem && repeated !== '' ? <p className="account-problem">{problem}</p> : null}
      {status.kind === 'error' ? (
        <p className="error-banner" role="alert">
          {status.message}
        </p>
      ) : null}
      {status.kind === 'changed' ? (
        <p className="account-changed" role="status">
          Password changed.{' '}
          {status.endedSessions === 0
            ? 'You were not logged in anywhere else.'
            : `${status.endedSessions} other ${status.endedSessions === 1 ? 'session was' : 'sessions were'} logged out.`}
        </p>
      ) : null}
      <div>
        <button type="submit" className="button-primary" disabled={!isReady || status.kind === 'saving'}>
          {status.kind === 'saving' ? 'Changing…' : 'Change password'}
        </button>
      </div>
    </form>
  );
}
