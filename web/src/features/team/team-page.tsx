import { Fragment, useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { NavLink } from '../../app/nav-link.tsx';
import { describeError } from '../../lib/describe-error.ts';
import { useMe } from '../auth/session-context.tsx';
import { inboxApi } from '../inbox/inbox-api.ts';
import type { TeamMember } from '../inbox/inbox-api.ts';
import { SetPasswordForm } from './set-password-form.tsx';
import { teamApi } from './team-api.ts';
import './team-page.css';

/**
 * Renders the team of the user's business. Owners add members, change roles, set members'
 * passwords and remove them. Everyone changes their own password on their account page.
 */
export function TeamPage() {
  const me = useMe();
  const isOwner = me.user.role === 'owner';
  const [members, setMembers] = useState<TeamMember[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [passwordMemberId, setPasswordMemberId] = useState<string | null>(null);

  const reload = useCallback(() => {
    inboxApi.listTeam().then(setMembers, (caught: unknown) => setError(describeError(caught)));
  }, []);
  useEffect(reload, [reload]);

  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    setNotice(null);
    try {
      await action();
      reload();
    } catch (caught) {
      setError(describeError(caught));
    }
  };
  const columnCount = isOwner ? 4 : 3;

  return (
    <div className="team">
      <h1>Team</h1>
      <p className="lead-muted">Staff handle conversations; owners also change settings, flows and the team.</p>
      {error ? <p className="error-banner">{error}</p> : null}
      {notice ? (
        <p className="team-notice" role="status">
          {notice}
        </p>
      ) : null}
      <table className="team-table">
        <thead>
          <tr>
            <th>Name</th>
            <th>E-mail</th>
            <th>Role</th>
            {isOwner ? <th /> : null}
          </tr>
        </thead>
        <tbody>
          {members.map((member) => {
            const isMe = member.id === me.user.id;
            return (
              <Fragment key={member.id}>
                <tr>
                  <td>
                    {member.name}
                    {isMe ? <span className="badge team-you">You</span> : null}
                  </td>
                  <td>{member.email}</td>
                  <td>
                    {isOwner ? (
                      <select
                        aria-label={`Role of ${member.name}`}
                        value={member.role}
                        onChange={(event) =>
                          void run(() => teamApi.update(member.id, { role: event.target.value as TeamMember['role'] }))
                        }
                      >
                        <option value="owner">Owner</option>
                        <option value="staff">Staff</option>
                      </select>
                    ) : member.role === 'owner' ? (
                      'Owner'
                    ) : (
                      'Staff'
                    )}
                  </td>
                  {isOwner ? (
                    <td>
                      <div className="team-actions">
                        {isMe ? (
                          <NavLink to="/account" className="button">
                            Change your password
                          </NavLink>
                        ) : (
                          <button
                            type="button"
                            className="button"
                            aria-expanded={passwordMemberId === member.id}
                            onClick={() => {
                              setNotice(null);
                              setPasswordMemberId(passwordMemberId === member.id ? null : member.id);
                            }}
                          >
                            Set password
                          </button>
                        )}
                        <button
                          type="button"
                          className="button-danger"
                          disabled={isMe}
                          onClick={() => void run(() => teamApi.remove(member.id))}
                        >
                          Remove
                        </button>
                      </div>
                    </td>
                  ) : null}
                </tr>
                {passwordMemberId === member.id ? (
                  <tr className="team-password-row">
                    <td colSpan={columnCount}>
                      <SetPasswordForm
                        member={member}
                        onCancel={() => setPasswordMemberId(null)}
                        onDone={(message) => {
                          setPasswordMemberId(null);
                          setNotice(message);
                        }}
                      />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
      {isOwner ? <AddMemberForm onAdded={reload} /> : null}
      {isOwner ? null : (
        <p className="lead-muted">
          Change your own password on <NavLink to="/account">your account page</NavLink>.
        </p>
      )}
    </div>
  );
}

function AddMemberForm({ onAdded }: { onAdded: () => void }) {
  const [form, setForm] = useState({ name: '', email: '', password: '', role: 'staff' });
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await teamApi.add(form);
      setForm({ name: '', email: '', password: '', role: 'staff' });
      onAdded();
    } catch (caught) {
      setError(describeError(caught));
    }
  };

  return (
    <form className="team-add" onSubmit={(event) => void submit(event)}>
      <h2>Add a team member</h2>
      <div className="team-add-fields">
        <input aria-label="Name" placeholder="Name" required value={form.name} onChange={(event) => setForm({ ...form, name: event.target.value })} />
        <input aria-label="E-mail" type="email" placeholder="E-mail" required value={form.email} onChange={(event) => setForm({ ...form, email: event.target.value })} />
        <input
          aria-label="Password"
          type="password"
          autoComplete="new-password"
          placeholder="Password (8+ characters)"
          minLength={8}
          required
          value={form.password}
          onChange={(event) => setForm({ ...form, password: event.target.value })}
        />
        <select aria-label="Role" value={form.role} onChange={(event) => setForm({ ...form, role: event.target.value })}>
          <option value="staff">Staff</option>
          <option value="owner">Owner</option>
        </select>
        <button type="submit" className="button-primary">
          Add
        </button>
      </div>
      <p className="lead-muted">
        Share the password with them. An owner can set a new one from the list above, and each person
        can change their own on their account page.
      </p>
      {error ? <p className="error-banner">{error}</p> : null}
    </form>
  );
}
