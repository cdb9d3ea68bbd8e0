import { Section } from '../settings-section.tsx';
import type { CallSectionProps } from './call-settings-props.ts';
import { SwitchField } from './switch-field.tsx';

/** How textback tells a person answering from a phone's own voicemail picking up. */
export function CallScreeningSection({ draft, update, isDisabled }: CallSectionProps) {
  const isForwarded = draft.connectionMode === 'forwarded';
  return (
    <Section
      title="Call screening"
      description={
        'When nobody picks up, a mobile’s own voicemail answers, and to Twilio that looks like ' +
        'an answered call, so no text goes out. Screening tells the two apart.'
      }
    >
      {isForwarded ? (
        <p className="settings-help">
          Only used when calls ring through textback. With forwarding, every call that reaches textback was
          already missed.
        </p>
      ) : null}
      <SwitchField
        label="Screen calls: your phone hears “Call from a textback lead. Press 1 to accept.”"
        isOn={draft.callScreening}
        onChange={(isOn) => update('callScreening', isOn)}
        isDisabled={isDisabled}
      />
      <p className="settings-help">
        A call counts as answered only when someone presses 1. Calls nobody accepts, including ones your
        voicemail picked up, get a text back.
      </p>
      {draft.callScreening ? null : (
        <div className="settings-grid call-fields">
          <label>
            Without screening, treat calls answered for less than (seconds) as missed
            <input
              type="number"
              min={0}
              max={60}
              value={draft.shortAnswerSeconds}
              disabled={isDisabled}
              onChange={(event) => update('shortAnswerSeconds', Number(event.target.value))}
            />
            <span className="settings-help">
              A voicemail pickup is usually short. 0 turns this off; a real call shorter than this also gets a text.
            </span>
          </label>
        </div>
      )}
    </Section>
  );
}
