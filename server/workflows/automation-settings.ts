import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { findTemplateProblems } from '../../bot/templates/render-template.ts';
import type { Database } from '../db/open-database.ts';
import { businesses } from '../db/schema.ts';
import { toE164 } from '../lib/phone-number.ts';

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use 24-hour HH:MM');

/** The widest window automated texts may use, in the lead's local time. */
export const legalQuietHours = { start: '08:00', end: '21:00' } as const;

const onCallSchema = z.object({
  name: z.string().trim().min(1).max(120),
  phone: z
    .string()
    .transform((value, ctx) => {
      const e164 = toE164(value);
      if (!e164) {
        ctx.addIssue({ code: 'custom', message: `Invalid phone number "${value}"; use E.164 such as +15555550100` });
        return z.NEVER;
      }
      return e164;
    })
    .nullable()
    .default(null),
  email: z.email('Invalid e-mail address').max(254).nullable().default(null),
  /** The user the `assign` step gives conversations to; null leaves the assignee alone. */
  userId: z.uuid().nullable().default(null),
});

/**
 * A business's automation settings: when automated texts may go out, how many, and who is on
 * call. Stored in `businesses.automation`; missing fields take the defaults below.
 */
export const automationSettingsSchema = z
  .object({
    /** Automated texts go out only inside this window; it can only narrow 08:00–21:00. */
    sendWindow: z
      .object({ start: clockTime, end: clockTime })
      .refine((window) => window.start >= legalQuietHours.start && window.end <= legalQuietHours.end, {
        message: 'The send window must lie within 08:00–21:00',
      })
      .refine((window) => window.start < window.end, { message: 'The send window must start before it ends' })
      .default({ ...legalQuietHours }),
    /** Seconds to wait before the text back, in case the business calls back first; 0 sends at once. */
    textBackDelaySeconds: z.number().int().min(0).max(3_600).default(0),
    /** Minimum minutes between two automated texts to one contact; a later text waits. */
    cooldownMinutes: z.number().int().min(0).max(1_440).default(30),
    /** Most automated texts (text back and workflow texts) one contact gets in 24 hours. */
    dailyTextCap: z.number().int().min(1).max(20).default(3),
    /** A step more than this late (say, the server was down) is skipped as stale instead of sent. */
    staleAfterMinutes: z.number().int().min(5).max(10_080).default(720),
    /** Sent instead of the opening message when the business is closed; null uses the opening message. */
    afterHoursMessage: z
      .string()
      .trim()
      .min(1)
      .max(640)
      .superRefine((template, ctx) => {
        for (const problem of findTemplateProblems(template)) {
          ctx.addIssue({ code: 'custom', message: `${problem.message} (in ${problem.placeholder})` });
        }
      })
      .nullable()
      .default(null),
    onCall: onCallSchema.nullable().default(null),
  })
  .strict();
export type AutomationSettings = z.infer<typeof automationSettingsSchema>;

/** Reads a business's automation settings; stored values that no longer parse fall back to defaults. */
export async function findAutomationSettings(db: Database, businessId: string): Promise<AutomationSettings> {
  const rows = await db
    .select({ automation: businesses.automation })
    .from(businesses)
    .where(eq(businesses.id, businessId))
    .limit(1);
  const parsed = automationSettingsSchema.safeParse(rows[0]?.automation ?? {});
  return parsed.success ? parsed.data : automationSettingsSchema.parse({});
}

export async function saveAutomationSettings(
  db: Database,
  businessId: string,
  settings: AutomationSettings,
): Promise<boolean> {
  const rows = await db
    .update(businesses)
    .set({ automation: settings, updatedAt: new Date() })
    .where(eq(businesses.id, businessId))
    .returning({ id: businesses.id });
  return rows.length === 1;
}
