import type { SettingsWarning } from '../settings-api.ts';

export interface FieldWarningsProps {
  warnings: SettingsWarning[];
  field: string;
}

/** The server's warnings about one field, shown right below it. */
export function FieldWarnings({ warnings, field }: FieldWarningsProps) {
  const messages = warnings.filter((warning) => warning.field === field);
  if (messages.length === 0) {
    return null;
  }
  return (
    <div className="field-warnings" role="status" data-field={field}>
      {messages.map((warning) => (
        <p key={warning.message}>{warning.message}</p>
      ))}
    </div>
  );
}
