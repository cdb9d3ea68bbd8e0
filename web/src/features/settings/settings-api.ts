import { z } from 'zod';
import { requestJson } from '../../lib/api-client.ts';

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

const rangeSchema = z.object({ open: z.string(), close: z.string() });
export type OpeningRange = z.infer<typeof rangeSchema>;

const holidaySchema = z.object({ date: z.string(), name: z.string() });
export type Holiday = z.infer<typeof holidaySchema>;

const settingsSchema = z.object({
  id: z.string(),
  name: z.string(),
  phoneNumber: z.string(),
  timeZone: z.string(),
  forwardingNumber: z.string().nullable(),
  ringTimeoutSeconds: z.number(),
  textBackEnabled: z.boolean(),
  openingMessage: z.string(),
  bookingLink: z.string().nullable(),
  hours: z.partialRecord(z.enum(weekdays), z.array(rangeSchema)),
  holidays: z.array(holidaySchema),
  repeatWindowMinutes: z.number(),
  flowId: z.string(),
  connectionMode: z.enum(['ring_through', 'forwarded']),
  carrierNumber: z.string().nullable(),
  voicemailEnabled: z.boolean(),
  voicemailGreeting: z.string().nullable(),
  voicemailMaxSeconds: z.number(),
  transcribeVoicemail: z.boolean(),
  callScreening: z.boolean(),
  shortAnswerSeconds: z.number(),
  minRingSeconds: z.number(),
  shortCallRule: z.enum(['text', 'skip']),
  lineTypeLookup: z.boolean(),
  sendOptOutConfirmation: z.boolean(),
});
export type Settings = z.infer<typeof settingsSchema>;
export type SettingsUpdate = Partial<Omit<Settings, 'id' | 'phoneNumber'>>;

const settingsWarningSchema = z.object({ field: z.string(), message: z.string() });
/** A saved or drafted setting likely to cost the owner leads, shown beside `field`. */
export type SettingsWarning = z.infer<typeof settingsWarningSchema>;

const setupSchema = z.object({
  provider: z.enum(['twilio', 'sandbox']),
  voiceUrl: z.string(),
  voiceStatusUrl: z.string(),
  smsUrl: z.string(),
});
/** The provider in use and the webhook addresses the setup steps name. */
export type SettingsSetup = z.infer<typeof setupSchema>;

const settingsResponseSchema = z.object({
  settings: settingsSchema,
  warnings: z.array(settingsWarningSchema),
  setup: setupSchema,
});
export type SettingsResponse = z.infer<typeof settingsResponseSchema>;

/** Calls to read and change the logged-in user's business settings. */
export const settingsApi = {
  read(signal?: AbortSignal): Promise<SettingsResponse> {
    return requestJson('/app-api/settings', settingsResponseSchema, { signal });
  },

  update(update: SettingsUpdate): Promise<SettingsResponse> {
    return requestJson('/app-api/settings', settingsResponseSchema, { method: 'PATCH', body: update });
  },

  /** The warnings the server would give these values if they were saved; nothing is saved. */
  previewWarnings(draft: SettingsUpdate, signal?: AbortSignal): Promise<SettingsWarning[]> {
    return requestJson('/app-api/settings/warnings', z.object({ warnings: z.array(settingsWarningSchema) }), {
      method: 'POST',
      body: draft,
      signal,
    }).then((body) => body.warnings);
  },
};
