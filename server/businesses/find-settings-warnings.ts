import type { Business } from './business.ts';

/** Most mobile carriers send an unanswered call to the phone's own voicemail after about 20 s. */
export const carrierVoicemailSeconds = 20;

/** A setting that is allowed but likely to cost the owner leads, and the field it concerns. */
export interface SettingsWarning {
  field: keyof Business;
  message: string;
}

/** Lists settings that are allowed but likely to cost the owner leads, in words they can act on. */
export function findSettingsWarnings(business: Business): string[] {
  return findFieldWarnings(business).map((warning) => warning.message);
}

/** The same warnings as `findSettingsWarnings`, each with the field to show it beside. */
export function findFieldWarnings(business: Business): SettingsWarning[] {
  const warnings: SettingsWarning[] = [];
  const isRingThrough = business.connectionMode === 'ring_through';
  if (isRingThrough && !business.callScreening && business.ringTimeoutSeconds > carrierVoicemailSeconds) {
    warnings.push({
      field: 'ringTimeoutSeconds',
      message:
        `The ring timeout is ${business.ringTimeoutSeconds} s, but a mobile's own voicemail usually ` +
        `picks up after about ${carrierVoicemailSeconds} s, which Twilio reports as answered. ` +
        'Shorten the ring timeout or turn on call screening.',
    });
  }
  if (isRingThrough && !business.forwardingNumber) {
    warnings.push({
      field: 'forwardingNumber',
      message: 'No forwarding number is set, so every call goes straight to voicemail and a text back.',
    });
  }
  if (business.connectionMode === 'forwarded' && !business.carrierNumber) {
    warnings.push({
      field: 'carrierNumber',
      message: 'Set the business number your carrier forwards from, so staff know which line the lead called.',
    });
  }
  return warnings;
}
