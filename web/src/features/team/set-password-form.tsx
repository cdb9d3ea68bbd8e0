import { useState } from 'react';
import type { FormEvent } from 'react';
import { describeError } from '../../lib/describe-error.ts';
import { findNewPasswordProblem, NewPasswordFields } from '../account/password-fields.tsx';
import type { TeamMember } from '../inbox/inbox-api.ts';
import { teamApi } from './team-api.ts';

export interface SetPasswordFormProps {
  member: TeamMember;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/** Lets an owner give a team member a new password, such as one they forgot. */
export function SetPasswordForm({ member, onDone, onCancel }: SetPasswordFormProps) {
  const [newPassword, setNewPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const problem = findNewPasswordProblem(newPassword, repeated);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (problem) {
      return;
    }
    setIsSaving(true);
    setError(null);
    try {
      await teamApi.update(member.id, { password: newPassword });
      onDone(`New password set for ${member.name}, who is now logged out everywhere. Share it with them.`);
    } catch (caught) {
      setError(describeError(caught));
      setIsSaving(false);
    }
  };

  return (
    <form className="team-password" aria-label={`Set a password for ${member.name}`} onSubmit={(event) => void submit(event)}>
      <div className="team-password-fields">
        <NewPasswordFields
          personName={member.name}
          newPassword={newPassword}
          repeated={repeated}
          onNewPasswordChange={setNewPassword}
          onRepeatedChange={setRepeated}
        />
      </div>
      {problem && repeated !== '' ? <p className="team-password-problem">{problem}</p> : null}
      {error ? (
        <p className="error-banner" role="alert">
          {error}
        </p>
      ) : null}
      <div className="team-password-actions">
        <button type="submit" className="button-primary" disabled={problem !== null || isSaving}>
          {isSaving ? 'Saving…' : 'Set password'}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
