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
});
export type Settings = z.infer<typeof settingsSchema>;
export type SettingsUpdate = Partial<Omit<Settings, 'id' | 'phoneNumber'>>;

/** Calls to read and change the logged-in user's business settings. */
export const settingsApi = {
  read(signal?: AbortSignal): Promise<Settings> {
    return requestJson('/app-api/settings', z.object({ settings: settingsSchema }), { signal }).then(
      (body) => body.settings,
    );
  },

  update(update: SettingsUpdate): Promise<Settings> {
    return requestJson('/app-api/settings', z.object({ settings: settingsSchema }), {
      method: 'PATCH',
      body: update,
    }).then((body) => body.settings);
  },
};
