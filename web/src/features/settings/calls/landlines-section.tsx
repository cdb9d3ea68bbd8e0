import { Section } from '../settings-section.tsx';
import type { CallSectionProps } from './call-settings-props.ts';
import { SwitchField } from './switch-field.tsx';

/** Whether to look up each caller's line type and skip texting landlines. */
export function LandlinesSection({ draft, update, isDisabled }: CallSectionProps) {
  return (
    <Section title="Landlines" description="A landline cannot receive texts, so a text back to one is wasted.">
      <SwitchField
        label="Look up each caller’s line type and don’t text landlines"
        isOn={draft.lineTypeLookup}
        onChange={(isOn) => update('lineTypeLookup', isOn)}
        isDisabled={isDisabled}
      />
      <p className="settings-help">
        A missed call from a landline then shows in the inbox as “landline, call back”. If the lookup fails
        or takes longer than 3 seconds, the text goes out anyway. Each number is looked up at most once in 30
        days; Twilio charges for each lookup. Without lookup, a number the carrier reports as unable to get
        texts is marked so and not texted again.
      </p>
    </Section>
  );
}
