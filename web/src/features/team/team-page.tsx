import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { z } from 'zod';
import { requestJson } from '../../lib/api-client.ts';
import { describeError } from '../../lib/describe-error.ts';
import { useMe } from '../auth/session-context.tsx';
import { inboxApi } from '../inbox/inbox-api.ts';
import type { TeamMember } from '../inbox/inbox-api.ts';
import './team-page.css';

/** Renders the team of the user's business; owners add members, change roles and remove them. */
export function TeamPage() {
  const me = useMe();
  const isOwner = me.user.role === 'owner';
  const [members, setMembers] = useState<TeamMember[]>([]);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(() => {
    inboxApi.listTeam().then(setMembers, (caught: unknown) => setError(describeError(caught)));
  }, []);
  useEffect(reload, [reload]);

  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      reload();
    } catch (caught) {
      setError(describeError(caught));
    }
  };

  return (
    <div className="team">
      <h1>Team</h1>
      <p className="lead-muted">Staff handle conversations; owners also change settings, flows and the team.</p>
      {error ? <p className="error-banner">{error}</p> : null}
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
          {members.map((member) => (
            <tr key={member.id}>
              <td>
                {member.name}
                {member.id === me.user.id ? <span className="badge team-you">You</span> : null}
              </td>
              <td>{member.email}</td>
              <td>
                {isOwner ? (
                  <select
                    aria-label={`Role of ${member.name}`}
                    value={member.role}
                    onChange={(event) =>
                      void run(() => updateMember(member.id, { role: event.target.value as TeamMember['role'] }))
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
                  <button
                    type="button"
                    className="button-danger"
                    disabled={member.id === me.user.id}
                    onClick={() => void run(() => removeMember(member.id))}
                  >
                    Remove
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {isOwner ? <AddMemberForm onAdded={reload} /> : null}
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
      await requestJson('/app-api/team', z.unknown(), { method: 'POST', body: form });
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
      <p className="lead-muted">Share the password with them; it can be changed by an owner later.</p>
      {error ? <p className="error-banner">{error}</p> : null}
    </form>
  );
}

function updateMember(id: string, update: { role?: TeamMember['role'] }): Promise<unknown> {
  return requestJson(`/app-api/team/${id}`, z.unknown(), { method: 'PATCH', body: update });
}

function removeMember(id: string): Promise<unknown> {
  return requestJson(`/app-api/team/${id}`, z.unknown(), { method: 'DELETE' });
}
