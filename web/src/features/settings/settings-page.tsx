import { useEffect, useMemo, useState } from 'react';
import { describeError, isAbortError } from '../../lib/describe-error.ts';
import { useMe } from '../auth/session-context.tsx';
import { CallSettingsSections } from './calls/call-settings-sections.tsx';
import { callSettingKeys } from './calls/call-settings-props.ts';
import { FollowUpsSection } from './follow-ups-section.tsx';
import { HolidaysEditor } from './holidays-editor.tsx';
import { HoursEditor } from './hours-editor.tsx';
import { OpeningMessageEditor } from './opening-message-editor.tsx';
import { findOpeningMessageProblems } from './opening-message-problems.ts';
import { settingsApi } from './settings-api.ts';
import type { Settings, SettingsSetup, SettingsUpdate, SettingsWarning } from './settings-api.ts';
import { Section } from './settings-section.tsx';
import { listTimeZoneChoices } from './time-zone-choices.ts';
import { useFlowChoices } from './use-flow-choices.ts';
import './settings.css';

const editableKeys = [
  'textBackEnabled',
  'openingMessage',
  'bookingLink',
  ...callSettingKeys,
  'timeZone',
  'hours',
  'holidays',
  'repeatWindowMinutes',
  'flowId',
] as const;

/** The owner's settings page; staff see the same values read-only. */
export function SettingsPage() {
  const me = useMe();
  const isOwner = me.user.role === 'owner';
  const [saved, setSaved] = useState<Settings | null>(null);
  const [draft, setDraft] = useState<Settings | null>(null);
  const [warnings, setWarnings] = useState<SettingsWarning[]>([]);
  const [setup, setSetup] = useState<SettingsSetup | null>(null);
  const [status, setStatus] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; message: string }>({
    kind: 'idle',
  });
  const flows = useFlowChoices(isOwner);

  useEffect(() => {
    const controller = new AbortController();
    settingsApi.read(controller.signal).then(
      (response) => {
        setSaved(response.settings);
        setDraft(response.settings);
        setWarnings(response.warnings);
        setSetup(response.setup);
      },
      (caught: unknown) => {
        if (!isAbortError(caught)) {
          setStatus({ kind: 'error', message: describeError(caught) });
        }
      },
    );
    return () => controller.abort();
  }, []);

  const changes = useMemo(() => (saved && draft ? diff(saved, draft) : {}), [saved, draft]);
  const isDirty = Object.keys(changes).length > 0;
  const savedTimeZone = saved?.timeZone ?? '';
  const timeZones = useMemo(() => listTimeZoneChoices(savedTimeZone), [savedTimeZone]);

  if (!draft || !saved || !setup) {
    return status.kind === 'error' ? <p className="error-banner settings-error">{status.message}</p> : <p className="page-loading">Loading settings…</p>;
  }
  const update = <Key extends keyof Settings>(key: Key, value: Settings[Key]) => {
    setDraft({ ...draft, [key]: value });
    setStatus({ kind: 'idle' });
  };
  const save = async () => {
    setStatus({ kind: 'saving' });
    try {
      const next = await settingsApi.update(changes);
      setSaved(next.settings);
      setDraft(next.settings);
      setWarnings(next.warnings);
      setStatus({ kind: 'saved' });
    } catch (caught) {
      setStatus({ kind: 'error', message: describeError(caught) });
    }
  };
  const isDisabled = !isOwner;
  // The server would reject the whole save, so it waits until the opening message is valid.
  const hasOpeningProblems = findOpeningMessageProblems(draft.openingMessage, { isRequired: true }).length > 0;

  return (
    <div className="settings">
      <header className="settings-header">
        <div>
          <h1>Settings</h1>
          <p className="lead-muted">
            {saved.name} · textback number {saved.phoneNumber}
          </p>
        </div>
        {isOwner ? (
          <div className="settings-save">
            {status.kind === 'saved' ? <span className="settings-saved">Saved</span> : null}
            {isDirty && hasOpeningProblems ? (
              <span className="settings-blocked" id="settings-save-blocked">
                Fix the opening message to save
              </span>
            ) : null}
            {isDirty && !hasOpeningProblems ? <span className="lead-muted">Unsaved changes</span> : null}
            <button type="button" className="button" disabled={!isDirty} onClick={() => setDraft(saved)}>
              Discard
            </button>
            <button
              type="button"
              className="button-primary"
              disabled={!isDirty || hasOpeningProblems || status.kind === 'saving'}
              aria-describedby={isDirty && hasOpeningProblems ? 'settings-save-blocked' : undefined}
              onClick={() => void save()}
            >
              {status.kind === 'saving' ? 'Saving…' : 'Save changes'}
            </button>
          </div>
        ) : null}
      </header>
      {!isOwner ? <p className="settings-notice">Only owners can change settings.</p> : null}
      {status.kind === 'error' ? (
        <p className="error-banner settings-error" role="alert">
          {status.message}
        </p>
      ) : null}

      <Section title="Text back" description="Text every caller whose call goes unanswered.">
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            checked={draft.textBackEnabled}
            disabled={isDisabled}
            onChange={(event) => update('textBackEnabled', event.target.checked)}
          />
          <span>{draft.textBackEnabled ? 'Text back is on' : 'Text back is off'}</span>
        </label>
      </Section>

      <Section title="Opening message" description="The first text a caller gets after a missed call.">
        <OpeningMessageEditor
          label="Opening message"
          isRequired
          value={draft.openingMessage}
          onChange={(value) => update('openingMessage', value)}
          business={{ name: draft.name, phoneNumber: draft.phoneNumber, bookingLink: draft.bookingLink }}
          isDisabled={isDisabled}
        />
      </Section>

      <Section title="Booking link" description="The bot sends it once it has the lead’s details.">
        <input
          type="url"
          className="settings-wide"
          aria-label="Booking link"
          placeholder="https://cal.example.com/your-business"
          value={draft.bookingLink ?? ''}
          disabled={isDisabled}
          onChange={(event) => update('bookingLink', event.target.value.trim() === '' ? null : event.target.value)}
        />
      </Section>

      <CallSettingsSections
        draft={draft}
        saved={saved}
        update={update}
        warnings={warnings}
        setup={setup}
        isDisabled={isDisabled}
        isOwner={isOwner}
      />

      <Section title="Hours and holidays" description="When the business is open, in its own time zone.">
        <label className="settings-inline">
          Time zone
          <select value={draft.timeZone} disabled={isDisabled} onChange={(event) => update('timeZone', event.target.value)}>
            {timeZones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
        </label>
        <HoursEditor hours={draft.hours} onChange={(hours) => update('hours', hours)} isDisabled={isDisabled} />
        <h3 className="settings-subheading">Holidays</h3>
        <HolidaysEditor holidays={draft.holidays} onChange={(holidays) => update('holidays', holidays)} isDisabled={isDisabled} />
      </Section>

      <Section title="Workflows and nudges" description="Which bot flow answers leads, and how often a caller is texted back.">
        <div className="settings-grid">
          <label>
            Bot flow
            <select value={draft.flowId} disabled={isDisabled} onChange={(event) => update('flowId', event.target.value)}>
              {flows.some((flow) => flow.id === draft.flowId) ? null : <option value={draft.flowId}>{draft.flowId}</option>}
              {flows.map((flow) => (
                <option key={flow.id} value={flow.id}>
                  {flow.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Text a repeat caller again after (minutes)
            <input
              type="number"
              min={0}
              max={10080}
              value={draft.repeatWindowMinutes}
              disabled={isDisabled}
              onChange={(event) => update('repeatWindowMinutes', Number(event.target.value))}
            />
          </label>
        </div>
      </Section>

      <FollowUpsSection
        isOwner={isOwner}
        business={{ name: draft.name, phoneNumber: draft.phoneNumber, bookingLink: draft.bookingLink }}
      />
    </div>
  );
}

function diff(saved: Settings, draft: Settings): SettingsUpdate {
  const changes: Record<string, unknown> = {};
  for (const key of editableKeys) {
    if (JSON.stringify(saved[key]) !== JSON.stringify(draft[key])) {
      changes[key] = draft[key];
    }
  }
  return changes as SettingsUpdate;
}
