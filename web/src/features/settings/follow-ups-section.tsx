import { useEffect, useState } from 'react';
import { describeError, isAbortError } from '../../lib/describe-error.ts';
import { inboxApi } from '../inbox/inbox-api.ts';
import type { TeamMember } from '../inbox/inbox-api.ts';
import { automationSettingsApi } from './automation-settings-api.ts';
import type { AutomationSettings, OnCall } from './automation-settings-api.ts';
import { OpeningMessageEditor } from './opening-message-editor.tsx';
import type { OpeningMessageEditorProps } from './opening-message-editor.tsx';
import { findOpeningMessageProblems } from './opening-message-problems.ts';
import { Section } from './settings-section.tsx';
import './follow-ups-section.css';

export interface FollowUpsSectionProps {
  /** Staff see the values read-only. */
  isOwner: boolean;
  /** The business details the after-hours preview fills in, from the page's draft. */
  business: OpeningMessageEditorProps['business'];
}

type Status = { kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; message: string; problems: string[] };

/** The labels the server's field names stand for, so its errors read like the form. */
const fieldLabels: Record<string, string> = {
  sendWindow: 'Quiet hours',
  'sendWindow.start': 'Quiet hours (from)',
  'sendWindow.end': 'Quiet hours (until)',
  textBackDelaySeconds: 'Text-back delay',
  cooldownMinutes: 'Cooldown',
  dailyTextCap: 'Daily cap',
  staleAfterMinutes: 'Stale after',
  afterHoursMessage: 'After-hours message',
  'onCall.name': 'On-call person',
  'onCall.userId': 'On-call person',
  'onCall.phone': 'Alert phone',
  'onCall.email': 'Alert e-mail',
};

/**
 * Follow-ups and alerts: when automated texts may go out, how fast and how often, what closed
 * hours get, and who is alerted. Saved on its own, apart from the page's other settings.
 */
export function FollowUpsSection({ isOwner, business }: FollowUpsSectionProps) {
  const [saved, setSaved] = useState<AutomationSettings | null>(null);
  const [draft, setDraft] = useState<AutomationSettings | null>(null);
  const [members, setMembers] = useState<TeamMember[]>([]);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  useEffect(() => {
    const controller = new AbortController();
    const fail = (caught: unknown) => {
      if (!isAbortError(caught)) {
        setStatus({ kind: 'error', message: describeError(caught), problems: [] });
      }
    };
    automationSettingsApi.read(controller.signal).then((settings) => {
      setSaved(settings);
      setDraft(settings);
    }, fail);
    inboxApi.listTeam(controller.signal).then(setMembers, fail);
    return () => controller.abort();
  }, []);

  const description = 'Quiet hours and pacing for automated texts, and who is alerted when a lead needs a person.';
  if (!draft || !saved) {
    return (
      <Section title="Follow-ups and alerts" description={description}>
        {status.kind === 'error' ? <p className="error-banner">{status.message}</p> : <p className="lead-muted">Loading…</p>}
      </Section>
    );
  }

  const isDisabled = !isOwner;
  const isDirty = JSON.stringify(saved) !== JSON.stringify(draft);
  const hasMessageProblems =
    findOpeningMessageProblems(draft.afterHoursMessage ?? '', { isRequired: false }).length > 0;
  const update = (change: Partial<AutomationSettings>) => {
    setDraft({ ...draft, ...change });
    setStatus({ kind: 'idle' });
  };
  const updateOnCall = (change: Partial<OnCall>) => {
    if (draft.onCall) {
      update({ onCall: { ...draft.onCall, ...change } });
    }
  };
  const pickOnCall = (userId: string) => {
    const member = members.find((candidate) => candidate.id === userId);
    if (!member) {
      update({ onCall: null });
      return;
    }
    const isSamePerson = draft.onCall?.userId === member.id;
    update({
      onCall: {
        name: member.name,
        userId: member.id,
        phone: isSamePerson ? (draft.onCall?.phone ?? null) : null,
        email: isSamePerson ? (draft.onCall?.email ?? null) : member.email,
      },
    });
  };
  const save = async () => {
    setStatus({ kind: 'saving' });
    try {
      const next = await automationSettingsApi.save(draft);
      setSaved(next);
      setDraft(next);
      setStatus({ kind: 'saved' });
    } catch (caught) {
      const message = describeError(caught);
      setStatus({ kind: 'error', message, problems: splitProblems(message) });
    }
  };
  // An on-call person set through the API without a team member still shows, so saving keeps it.
  const isOutsider = draft.onCall !== null && !members.some((member) => member.id === draft.onCall?.userId);

  return (
    <Section title="Follow-ups and alerts" description={description}>
      <h3 className="settings-subheading follow-ups-first">On-call person</h3>
      <div className="settings-grid">
        <label>
          Alert this team member
          <select
            value={draft.onCall === null ? '' : isOutsider ? 'outsider' : (draft.onCall.userId ?? '')}
            disabled={isDisabled}
            onChange={(event) => pickOnCall(event.target.value)}
          >
            <option value="">Nobody</option>
            {isOutsider && draft.onCall ? <option value="outsider">{draft.onCall.name} (not on the team)</option> : null}
            {members.map((member) => (
              <option key={member.id} value={member.id}>
                {member.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Alert phone (texts)
          <input
            type="tel"
            placeholder="+15555550142"
            value={draft.onCall?.phone ?? ''}
            disabled={isDisabled || draft.onCall === null}
            onChange={(event) => updateOnCall({ phone: emptyToNull(event.target.value) })}
          />
        </label>
        <label>
          Alert e-mail
          <input
            type="email"
            value={draft.onCall?.email ?? ''}
            disabled={isDisabled || draft.onCall === null}
            onChange={(event) => updateOnCall({ email: emptyToNull(event.target.value) })}
          />
        </label>
      </div>

      <h3 className="settings-subheading">Quiet hours and pacing</h3>
      <div className="settings-grid">
        <label>
          Send automated texts from
          <input
            type="time"
            min="08:00"
            max="21:00"
            value={draft.sendWindow.start}
            disabled={isDisabled}
            onChange={(event) => update({ sendWindow: { ...draft.sendWindow, start: event.target.value } })}
          />
        </label>
        <label>
          until (lead’s local time, within 08:00–21:00)
          <input
            type="time"
            min="08:00"
            max="21:00"
            value={draft.sendWindow.end}
            disabled={isDisabled}
            onChange={(event) => update({ sendWindow: { ...draft.sendWindow, end: event.target.value } })}
          />
        </label>
        <label>
          Wait before the text back (seconds)
          <input
            type="number"
            min={0}
            max={3600}
            value={draft.textBackDelaySeconds}
            disabled={isDisabled}
            onChange={(event) => update({ textBackDelaySeconds: Number(event.target.value) })}
          />
        </label>
        <label>
          Cooldown between texts to one contact (minutes)
          <input
            type="number"
            min={0}
            max={1440}
            value={draft.cooldownMinutes}
            disabled={isDisabled}
            onChange={(event) => update({ cooldownMinutes: Number(event.target.value) })}
          />
        </label>
        <label>
          Most automated texts per contact a day
          <input
            type="number"
            min={1}
            max={20}
            value={draft.dailyTextCap}
            disabled={isDisabled}
            onChange={(event) => update({ dailyTextCap: Number(event.target.value) })}
          />
        </label>
      </div>

      <h3 className="settings-subheading">After-hours opening message</h3>
      <p className="settings-hint">
        Sent instead of the opening message while the business is closed. Leave it empty to send the
        opening message at all hours.
      </p>
      <OpeningMessageEditor
        label="After-hours opening message"
        isRequired={false}
        value={draft.afterHoursMessage ?? ''}
        onChange={(value) => update({ afterHoursMessage: emptyToNull(value) })}
        business={business}
        isDisabled={isDisabled}
        placeholder="Empty: callers get the opening message"
        emptyPreview="Callers get the opening message."
      />

      {status.kind === 'error' && saved ? (
        <div className="error-banner follow-ups-errors" role="alert">
          {status.problems.length > 0 ? (
            <>
              <p>These values were not saved:</p>
              <ul>
                {status.problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </>
          ) : (
            status.message
          )}
        </div>
      ) : null}
      {isOwner ? (
        <div className="settings-save follow-ups-actions">
          {status.kind === 'saved' ? <span className="settings-saved">Saved</span> : null}
          {isDirty && hasMessageProblems ? (
            <span className="settings-blocked" id="follow-ups-save-blocked">
              Fix the after-hours message to save
            </span>
          ) : null}
          <button type="button" className="button" disabled={!isDirty} onClick={() => update(saved)}>
            Discard
          </button>
          <button
            type="button"
            className="button-primary"
            disabled={!isDirty || hasMessageProblems || status.kind === 'saving'}
            aria-describedby={isDirty && hasMessageProblems ? 'follow-ups-save-blocked' : undefined}
            onClick={() => void save()}
          >
            {status.kind === 'saving' ? 'Saving…' : 'Save follow-ups and alerts'}
          </button>
        </div>
      ) : null}
    </Section>
  );
}

function emptyToNull(value: string): string | null {
  return value.trim() === '' ? null : value;
}

/** Turns the server's "Invalid request: field: message; …" into one line per field, with its label. */
function splitProblems(message: string): string[] {
  const prefix = 'Invalid request: ';
  if (!message.startsWith(prefix)) {
    return [];
  }
  return message
    .slice(prefix.length)
    .split('; ')
    .map((problem) => {
      const separator = problem.indexOf(': ');
      const field = separator === -1 ? '' : problem.slice(0, separator);
      const label = fieldLabels[field];
      return label ? `${label}: ${problem.slice(separator + 2)}` : problem;
    });
}
