export interface NewPasswordFieldsProps {
  newPassword: string;
  repeated: string;
  onNewPasswordChange: (value: string) => void;
  onRepeatedChange: (value: string) => void;
  /** The person whose password this is, when it is not the reader's own. */
  personName?: string;
}

/** The minimum password length the server accepts, as NIST SP 800-63B recommends. */
export const minPasswordLength = 8;

/** Returns what is wrong with a new password and its repetition, or null when both are fine. */
export function findNewPasswordProblem(newPassword: string, repeated: string): string | null {
  if (newPassword.length < minPasswordLength) {
    return `The new password needs at least ${minPasswordLength} characters.`;
  }
  if (repeated !== newPassword) {
    return 'The two new passwords differ.';
  }
  return null;
}

/** Renders a new password and its repetition, marked up for password managers. */
export function NewPasswordFields(props: NewPasswordFieldsProps) {
  const label = props.personName ? `New password for ${props.personName}` : 'New password';
  return (
    <>
      <label>
        {label}
        <input
          type="password"
          autoComplete="new-password"
          minLength={minPasswordLength}
          required
          value={props.newPassword}
          onChange={(event) => props.onNewPasswordChange(event.target.value)}
        />
      </label>
      <label>
        Repeat the new password
        <input
          type="password"
          autoComplete="new-password"
          required
          value={props.repeated}
          onChange={(event) => props.onRepeatedChange(event.target.value)}
        />
      </label>
    </>
  );
}
