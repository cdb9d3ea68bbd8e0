import { z } from 'zod';
import { requestJson } from '../../lib/api-client.ts';

const onCallSchema = z.object({
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  userId: z.string().nullable(),
});
export type OnCall = z.infer<typeof onCallSchema>;

const automationSchema = z.object({
  sendWindow: z.object({ start: z.string(), end: z.string() }),
  textBackDelaySeconds: z.number(),
  cooldownMinutes: z.number(),
  dailyTextCap: z.number(),
  staleAfterMinutes: z.number(),
  afterHoursMessage: z.string().nullable(),
  onCall: onCallSchema.nullable(),
});
/** When automated texts may go out, how many, and who is alerted; the server validates them. */
export type AutomationSettings = z.infer<typeof automationSchema>;

const responseSchema = z.object({ automation: automationSchema });
const path = '/app-api/settings/automation';

/** Calls to read and replace the logged-in user's business automation settings. */
export const automationSettingsApi = {
  read(signal?: AbortSignal): Promise<AutomationSettings> {
    return requestJson(path, responseSchema, { signal }).then((body) => body.automation);
  },

  save(settings: AutomationSettings): Promise<AutomationSettings> {
    return requestJson(path, responseSchema, { method: 'PUT', body: settings }).then((body) => body.automation);
  },
};
