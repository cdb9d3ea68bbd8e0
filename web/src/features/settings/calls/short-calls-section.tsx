import { Section } from '../settings-section.tsx';
import type { CallSectionProps } from './call-settings-props.ts';

/** What happens to callers who hang up after a ring or two. */
export function ShortCallsSection({ draft, update, isDisabled }: CallSectionProps) {
  return (
    <Section
      title="Short calls"
      description={
        'Some callers hang up after a ring or two: a wrong number, a pocket dial, or someone ' +
        'who will try again.'
      }
    >
      <div className="short-call-rule">
        <label className="settings-inline">
          A caller who hangs up within (seconds)
          <input
            type="number"
            min={0}
            max={60}
            value={draft.minRingSeconds}
            disabled={isDisabled}
            onChange={(event) => update('minRingSeconds', Number(event.target.value))}
          />
        </label>
        <fieldset className="radio-list" disabled={isDisabled}>
          <legend>then</legend>
          <label>
            <input
              type="radio"
              name="shortCallRule"
              checked={draft.shortCallRule === 'text'}
              onChange={() => update('shortCallRule', 'text')}
            />
            gets a text back anyway
          </label>
          <label>
            <input
              type="radio"
              name="shortCallRule"
              checked={draft.shortCallRule === 'skip'}
              onChange={() => update('shortCallRule', 'skip')}
            />
            gets no text; the call still shows in the inbox
          </label>
        </fieldset>
      </div>
    </Section>
  );
}
