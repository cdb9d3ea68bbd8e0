import { Section } from '../settings-section.tsx';
import type { CallSectionProps } from './call-settings-props.ts';
import { SwitchField } from './switch-field.tsx';

/** Whether missed callers can leave a message, what they hear, and for how long. */
export function VoicemailSection({ draft, update, isDisabled }: CallSectionProps) {
  const defaultGreeting =
    `Sorry, ${draft.name} can't take your call right now. Please leave a message after the beep.` +
    (draft.textBackEnabled ? ' We will also text you in a moment.' : '');
  return (
    <Section
      title="Voicemail"
      description={
        'A caller whose call is missed hears your greeting and can leave a message. ' +
        'The text back goes out at once; it does not wait for the message.'
      }
    >
      <SwitchField
        label="Take voicemail messages"
        isOn={draft.voicemailEnabled}
        onChange={(isOn) => update('voicemailEnabled', isOn)}
        isDisabled={isDisabled}
      />
      {draft.voicemailEnabled ? (
        <div className="call-fields">
          <label className="call-field-wide">
            Greeting
            <textarea
              rows={3}
              maxLength={500}
              placeholder="Leave empty to use the standard greeting below"
              value={draft.voicemailGreeting ?? ''}
              disabled={isDisabled}
              onChange={(event) => {
                const greeting = event.target.value;
                update('voicemailGreeting', greeting.trim() === '' ? null : greeting);
              }}
            />
            <span className="settings-help">
              Read aloud to the caller before the beep. The standard greeting is: “{defaultGreeting}”
            </span>
          </label>
          <label className="settings-inline">
            Longest message (seconds)
            <input
              type="number"
              min={10}
              max={600}
              value={draft.voicemailMaxSeconds}
              disabled={isDisabled}
              onChange={(event) => update('voicemailMaxSeconds', Number(event.target.value))}
            />
          </label>
          <SwitchField
            label="Transcribe messages, so staff can read them in the conversation"
            isOn={draft.transcribeVoicemail}
            onChange={(isOn) => update('transcribeVoicemail', isOn)}
            isDisabled={isDisabled}
          />
        </div>
      ) : (
        <p className="settings-help">Callers hear a short apology and the call ends.</p>
      )}
    </Section>
  );
}
