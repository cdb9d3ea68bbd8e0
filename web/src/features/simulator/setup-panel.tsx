import type { SimulatedBusiness } from './simulator-api.ts';
import './setup-panel.css';

export interface SetupPanelProps {
  businesses: SimulatedBusiness[];
  businessNumber: string;
  onBusinessNumberChange: (phoneNumber: string) => void;
  callerInput: string;
  onCallerInputChange: (input: string) => void;
  isCallerValid: boolean;
}

/** Renders the business picker, the caller's number and a short guide to the demo. */
export function SetupPanel(props: SetupPanelProps) {
  const { businesses, businessNumber, callerInput, isCallerValid } = props;
  return (
    <section className="panel setup-panel" aria-labelledby="setup-panel-title">
      <header className="panel-header">
        <h2 id="setup-panel-title">Set up</h2>
      </header>
      <div className="field">
        <label htmlFor="business">Business</label>
        <select
          id="business"
          value={businessNumber}
          onChange={(event) => props.onBusinessNumberChange(event.target.value)}
        >
          {businesses.map((business) => (
            <option key={business.id} value={business.phoneNumber}>
              {business.name}
            </option>
          ))}
        </select>
        <p className="field-hint">Calls and texts go to {businessNumber}.</p>
      </div>
      <div className="field">
        <label htmlFor="caller-number">Your number</label>
        <input
          id="caller-number"
          type="tel"
          inputMode="tel"
          autoComplete="off"
          spellCheck={false}
          value={callerInput}
          aria-invalid={!isCallerValid}
          aria-describedby="caller-number-hint"
          onChange={(event) => props.onCallerInputChange(event.target.value)}
        />
        <p
          id="caller-number-hint"
          className={`field-hint${isCallerValid ? '' : ' field-hint-error'}`}
        >
          {isCallerValid
            ? 'The number you call from. Each number has its own history.'
            : 'Enter the number in international format, such as +15555550123.'}
        </p>
      </div>
      <div className="guide">
        <h3>Try it</h3>
        <ol>
          <li>
            Press <strong>Call</strong> on the phone.
          </li>
          <li>
            Choose <strong>Let it ring out</strong> or <strong>Hang up</strong> for a missed call.
          </li>
          <li>The text back arrives in a second or two.</li>
          <li>Reply, and the bot carries the conversation on.</li>
        </ol>
        <p className="guide-note">
          Calls and texts go through the offline sandbox provider. No real phone rings and no SMS
          leaves this machine.
        </p>
      </div>
    </section>
  );
}
