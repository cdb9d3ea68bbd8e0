import type { Settings, SettingsSetup, SettingsWarning } from '../settings-api.ts';

/** Sets one field of the draft settings. */
export type UpdateSetting = <Key extends keyof Settings>(key: Key, value: Settings[Key]) => void;

/** What every call-handling section gets from the settings page. */
export interface CallSectionProps {
  draft: Settings;
  update: UpdateSetting;
  warnings: SettingsWarning[];
  isDisabled: boolean;
}

/** The call-handling sections also need the saved values and the setup details. */
export interface CallSettingsProps extends CallSectionProps {
  saved: Settings;
  setup: SettingsSetup;
  isOwner: boolean;
}

/** The fields the call-handling sections edit, which the warning preview sends. */
export const callSettingKeys = [
  'connectionMode',
  'carrierNumber',
  'forwardingNumber',
  'ringTimeoutSeconds',
  'voicemailEnabled',
  'voicemailGreeting',
  'voicemailMaxSeconds',
  'transcribeVoicemail',
  'callScreening',
  'shortAnswerSeconds',
  'minRingSeconds',
  'shortCallRule',
  'lineTypeLookup',
  'sendOptOutConfirmation',
] as const satisfies ReadonlyArray<keyof Settings>;
