import { Section } from '../settings-section.tsx';
import type { SettingsSetup } from '../settings-api.ts';
import type { CallSectionProps } from './call-settings-props.ts';
import { SwitchField } from './switch-field.tsx';

export interface StopConfirmationSectionProps extends CallSectionProps {
  setup: SettingsSetup;
}

/** Whether textback sends its own reply to STOP and START, on top of Twilio's. */
export function StopConfirmationSection({ draft, update, isDisabled, setup }: StopConfirmationSectionProps) {
  return (
    <Section
      title="STOP confirmations"
      description="A lead who texts STOP gets no more texts from you, and one reply confirming it."
    >
      <SwitchField
        label="Send textback’s own confirmation when a lead texts STOP or START"
        isOn={draft.sendOptOutConfirmation}
        onChange={(isOn) => update('sendOptOutConfirmation', isOn)}
        isDisabled={isDisabled}
      />
      <p className="settings-help">
        Twilio already replies to STOP and START on its default settings (Advanced Opt-Out), so leave this
        off unless you turned Twilio’s replies off; otherwise the lead gets two.
        {setup.provider === 'sandbox'
          ? ' This server uses the sandbox provider, which has no carrier, so textback always confirms here.'
          : ''}
      </p>
    </Section>
  );
}
