export interface SwitchFieldProps {
  label: string;
  isOn: boolean;
  onChange: (isOn: boolean) => void;
  isDisabled: boolean;
}

/** An on/off setting drawn as a switch, with its label always visible. */
export function SwitchField({ label, isOn, onChange, isDisabled }: SwitchFieldProps) {
  return (
    <label className="switch">
      <input
        type="checkbox"
        role="switch"
        checked={isOn}
        disabled={isDisabled}
        onChange={(event) => onChange(event.target.checked)}
      />
      <span>{label}</span>
    </label>
  );
}
