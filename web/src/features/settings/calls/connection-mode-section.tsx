import type { ReactNode } from 'react';
import { Section } from '../settings-section.tsx';
import type { Settings, SettingsSetup } from '../settings-api.ts';
import { CarrierCodes } from './carrier-codes.tsx';
import type { CallSettingsProps } from './call-settings-props.ts';
import { FieldWarnings } from './field-warnings.tsx';
import { ForwardingCheckPanel } from './forwarding-check-panel.tsx';

/** "How calls reach you": the two connection modes side by side, then the chosen mode's fields. */
export function ConnectionModeSection(props: CallSettingsProps) {
  const { draft, saved, update, warnings, setup, isDisabled, isOwner } = props;
  const isForwarded = draft.connectionMode === 'forwarded';
  return (
    <Section
      title="How calls reach you"
      description="Choose how calls get to textback. Either way, a caller whose call is missed gets a text back."
    >
      <div className="mode-cards" role="radiogroup" aria-label="Connection mode">
        <ModeCard
          mode="ring_through"
          title="Ring through textback"
          summary="Publish your textback number. textback rings your phone, and when nobody answers it texts the caller."
          draft={draft}
          onChoose={() => update('connectionMode', 'ring_through')}
          isDisabled={isDisabled}
        >
          <li>In Twilio, point your textback number’s webhooks here (addresses below).</li>
          <li>Enter the phone to ring below.</li>
          <li>
            Publish <strong>{draft.phoneNumber}</strong> on your website, van and listings.
          </li>
        </ModeCard>
        <ModeCard
          mode="forwarded"
          title="Forwarded when unanswered"
          summary="Keep your own number. Your carrier forwards only the calls you miss to textback, which texts every one of them."
          draft={draft}
          onChoose={() => update('connectionMode', 'forwarded')}
          isDisabled={isDisabled}
        >
          <li>Enter your business number below.</li>
          <li>In Twilio, point your textback number’s webhooks here too (addresses below).</li>
          <li>
            Turn on conditional forwarding to <strong>{draft.phoneNumber}</strong> with your carrier, using
            the codes below.
          </li>
          <li>Press “Call me to test”.</li>
        </ModeCard>
      </div>

      <WebhookTable setup={setup} textbackNumber={draft.phoneNumber} />

      {isForwarded ? (
        <ForwardedFields
          draft={draft}
          saved={saved}
          update={update}
          warnings={warnings}
          isDisabled={isDisabled}
          isOwner={isOwner}
        />
      ) : (
        <RingThroughFields draft={draft} update={update} warnings={warnings} isDisabled={isDisabled} />
      )}
    </Section>
  );
}

interface ModeCardProps {
  mode: Settings['connectionMode'];
  title: string;
  summary: string;
  draft: Settings;
  onChoose: () => void;
  isDisabled: boolean;
  children: ReactNode;
}

function ModeCard({ mode, title, summary, draft, onChoose, isDisabled, children }: ModeCardProps) {
  const isChosen = draft.connectionMode === mode;
  return (
    <div className="mode-card" data-chosen={isChosen} onClick={isDisabled || isChosen ? undefined : onChoose}>
      <label className="mode-card-title">
        <input type="radio" name="connectionMode" checked={isChosen} disabled={isDisabled} onChange={onChoose} />
        {title}
      </label>
      <p className="mode-card-summary">{summary}</p>
      <p className="mode-card-steps-title">What to do</p>
      <ol className="mode-card-steps">{children}</ol>
    </div>
  );
}

/** The three webhook addresses to set on the textback number in Twilio's console. */
function WebhookTable({ setup, textbackNumber }: { setup: SettingsSetup; textbackNumber: string }) {
  const rows = [
    { setting: 'A call comes in', url: setup.voiceUrl },
    { setting: 'Call status changes', url: setup.voiceStatusUrl },
    { setting: 'A message comes in', url: setup.smsUrl },
  ];
  return (
    <div className="webhook-table">
      <h3 className="settings-subheading">
        Twilio webhooks for {textbackNumber}, the same in both modes (all HTTP POST)
      </h3>
      <table>
        <tbody>
          {rows.map((row) => (
            <tr key={row.setting}>
              <th scope="row">{row.setting}</th>
              <td>
                <code>{row.url}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {setup.provider === 'sandbox' ? (
        <p className="settings-help">
          This server uses the sandbox provider, so no real calls arrive: the phone simulator plays the
          caller and the carrier. Set these once you switch to Twilio.
        </p>
      ) : null}
    </div>
  );
}

type FieldsProps = Pick<CallSettingsProps, 'draft' | 'update' | 'warnings' | 'isDisabled'>;

function RingThroughFields({ draft, update, warnings, isDisabled }: FieldsProps) {
  return (
    <div className="settings-grid mode-fields">
      <label>
        Phone to ring
        <input
          type="tel"
          placeholder="+1 555 555 0199"
          value={draft.forwardingNumber ?? ''}
          disabled={isDisabled}
          onChange={(event) => update('forwardingNumber', emptyToNull(event.target.value))}
        />
        <span className="settings-help">Your mobile or office phone; textback rings it for each call.</span>
        <FieldWarnings warnings={warnings} field="forwardingNumber" />
      </label>
      <label>
        Ring for (seconds)
        <input
          type="number"
          min={5}
          max={120}
          value={draft.ringTimeoutSeconds}
          disabled={isDisabled}
          onChange={(event) => update('ringTimeoutSeconds', Number(event.target.value))}
        />
        <span className="settings-help">
          After that the call counts as missed: voicemail answers and the caller gets a text.
        </span>
        <FieldWarnings warnings={warnings} field="ringTimeoutSeconds" />
      </label>
    </div>
  );
}

interface ForwardedFieldsProps extends FieldsProps {
  saved: Settings;
  isOwner: boolean;
}

function ForwardedFields({ draft, saved, update, warnings, isDisabled, isOwner }: ForwardedFieldsProps) {
  const savedCarrierNumber = saved.connectionMode === 'forwarded' ? saved.carrierNumber : null;
  const hasUnsavedChanges =
    draft.connectionMode !== saved.connectionMode || draft.carrierNumber !== saved.carrierNumber;
  return (
    <div className="mode-fields">
      <label className="settings-inline">
        Your business number
        <input
          type="tel"
          placeholder="+1 555 555 0177"
          value={draft.carrierNumber ?? ''}
          disabled={isDisabled}
          onChange={(event) => update('carrierNumber', emptyToNull(event.target.value))}
        />
        <span className="settings-help">The number customers call today, which your carrier forwards from.</span>
        <FieldWarnings warnings={warnings} field="carrierNumber" />
      </label>
      <h3 className="settings-subheading">Forwarding codes for {draft.phoneNumber}</h3>
      <CarrierCodes textbackNumber={draft.phoneNumber} />
      <h3 className="settings-subheading">Check that it works</h3>
      <ForwardingCheckPanel
        textbackNumber={draft.phoneNumber}
        savedCarrierNumber={savedCarrierNumber}
        hasUnsavedChanges={hasUnsavedChanges}
        isOwner={isOwner}
      />
    </div>
  );
}

function emptyToNull(value: string): string | null {
  return value.trim() === '' ? null : value;
}
