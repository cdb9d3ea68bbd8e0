import { useEffect, useMemo, useState } from 'react';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { settingsApi } from '../settings-api.ts';
import type { Settings, SettingsUpdate, SettingsWarning } from '../settings-api.ts';
import { callSettingKeys } from './call-settings-props.ts';

/** How long the draft must stay unchanged before its warnings are fetched. */
const previewDelayMs = 300;

/**
 * The server's warnings for the draft as the owner edits it: `saved` at first, then the
 * preview for each settled draft. A draft the server rejects (a half-typed number) keeps the
 * last warnings, because saving reports the problem itself.
 */
export function useDraftWarnings(draft: Settings, saved: SettingsWarning[]): SettingsWarning[] {
  const [warnings, setWarnings] = useState(saved);
  const draftKey = JSON.stringify(callSettingKeys.map((key) => draft[key]));
  const settledKey = useDebouncedValue(draftKey, previewDelayMs);
  const callDraft = useMemo(() => toCallDraft(settledKey), [settledKey]);

  useEffect(() => {
    setWarnings(saved);
  }, [saved]);

  useEffect(() => {
    const controller = new AbortController();
    settingsApi.previewWarnings(callDraft, controller.signal).then(setWarnings, () => undefined);
    return () => controller.abort();
  }, [callDraft]);

  return warnings;
}

function toCallDraft(key: string): SettingsUpdate {
  const values = JSON.parse(key) as unknown[];
  return Object.fromEntries(callSettingKeys.map((field, index) => [field, values[index]])) as SettingsUpdate;
}
