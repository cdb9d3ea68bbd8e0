import { z } from 'zod';
import { findTemplateProblems } from '../../bot/templates/render-template.ts';
import { toE164 } from '../lib/phone-number.ts';

export interface Business {
  id: string;
  name: string;
  phoneNumber: string;
  timeZone: string;
  forwardingNumber: string | null;
  ringTimeoutSeconds: number;
  textBackEnabled: boolean;
  openingMessage: string;
  bookingLink: string | null;
  hours: BusinessHours;
  repeatWindowMinutes: number;
  flowId: string;
  /** Calls the caller hung up on sooner than this follow `shortCallRule`. */
  minRingSeconds: number;
  shortCallRule: 'text' | 'skip';
  /** With the Twilio provider, also send our own STOP/START confirmation (Twilio sends one). */
  sendOptOutConfirmation: boolean;
  /** Look up the caller's line type and skip landlines. */
  lineTypeLookup: boolean;
  /**
   * `ring_through`: the textback number is published and calls are dialled on to the business.
   * `forwarded`: the business's carrier forwards only unanswered calls here, so each is missed.
   */
  connectionMode: 'ring_through' | 'forwarded';
  /** The business's own published number, in forwarded mode. */
  carrierNumber: string | null;
  voicemailEnabled: boolean;
  /** Spoken before the beep; a default naming the business when null. */
  voicemailGreeting: string | null;
  voicemailMaxSeconds: number;
  transcribeVoicemail: boolean;
  /** The business's phone must press a key to accept a call, so its own voicemail never counts. */
  callScreening: boolean;
  /** Without screening, a call answered for less than this is taken as a voicemail pickup. */
  shortAnswerSeconds: number;
  createdAt: Date;
  updatedAt: Date;
}

const e164Schema = z.string().transform((value, ctx) => {
  const e164 = toE164(value);
  if (!e164) {
    ctx.addIssue({ code: 'custom', message: `Invalid phone number "${value}"; use E.164 such as +15555550100` });
    return z.NEVER;
  }
  return e164;
});

const timeZoneSchema = z.string().refine(isKnownTimeZone, {
  message: 'Unknown time zone; use an IANA name such as America/Chicago',
});

const openingMessageSchema = z
  .string()
  .trim()
  .min(1, 'The opening message is empty')
  .max(640, 'The opening message is longer than 640 characters')
  .superRefine((template, ctx) => {
    for (const problem of findTemplateProblems(template)) {
      ctx.addIssue({ code: 'custom', message: `${problem.message} (in ${problem.placeholder})` });
    }
  });

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use 24-hour HH:MM');
const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const businessHoursSchema = z.partialRecord(
  z.enum(weekdays),
  z.array(z.object({ open: clockTime, close: clockTime })).max(4),
);
export type BusinessHours = z.infer<typeof businessHoursSchema>;

const bookingLinkSchema = z.url({ protocol: /^https?$/, message: 'Use an http(s) URL' }).max(500);

export const businessInputSchema = z.object({
  name: z.string().trim().min(1).max(120),
  phoneNumber: e164Schema,
  timeZone: timeZoneSchema,
  forwardingNumber: e164Schema.nullable().default(null),
  ringTimeoutSeconds: z.number().int().min(5).max(120).default(20),
  textBackEnabled: z.boolean().default(true),
  openingMessage: openingMessageSchema,
  bookingLink: bookingLinkSchema.nullable().default(null),
  hours: businessHoursSchema.default({}),
  repeatWindowMinutes: z.number().int().min(0).max(10_080).default(720),
  flowId: z.string().regex(/^[a-z0-9-]+$/).default('default'),
  minRingSeconds: z.number().int().min(0).max(60).default(5),
  shortCallRule: z.enum(['text', 'skip']).default('text'),
  sendOptOutConfirmation: z.boolean().default(false),
  lineTypeLookup: z.boolean().default(false),
  connectionMode: z.enum(['ring_through', 'forwarded']).default('ring_through'),
  carrierNumber: e164Schema.nullable().default(null),
  voicemailEnabled: z.boolean().default(true),
  voicemailGreeting: z.string().trim().min(1).max(500).nullable().default(null),
  voicemailMaxSeconds: z.number().int().min(10).max(600).default(120),
  transcribeVoicemail: z.boolean().default(false),
  callScreening: z.boolean().default(false),
  shortAnswerSeconds: z.number().int().min(0).max(60).default(0),
});
export type BusinessInput = z.infer<typeof businessInputSchema>;

export const businessUpdateSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    phoneNumber: e164Schema,
    timeZone: timeZoneSchema,
    forwardingNumber: e164Schema.nullable(),
    ringTimeoutSeconds: z.number().int().min(5).max(120),
    textBackEnabled: z.boolean(),
    openingMessage: openingMessageSchema,
    bookingLink: bookingLinkSchema.nullable(),
    hours: businessHoursSchema,
    repeatWindowMinutes: z.number().int().min(0).max(10_080),
    flowId: z.string().regex(/^[a-z0-9-]+$/),
    minRingSeconds: z.number().int().min(0).max(60),
    shortCallRule: z.enum(['text', 'skip']),
    sendOptOutConfirmation: z.boolean(),
    lineTypeLookup: z.boolean(),
    connectionMode: z.enum(['ring_through', 'forwarded']),
    carrierNumber: e164Schema.nullable(),
    voicemailEnabled: z.boolean(),
    voicemailGreeting: z.string().trim().min(1).max(500).nullable(),
    voicemailMaxSeconds: z.number().int().min(10).max(600),
    transcribeVoicemail: z.boolean(),
    callScreening: z.boolean(),
    shortAnswerSeconds: z.number().int().min(0).max(60),
  })
  .partial()
  .strict();
export type BusinessUpdate = z.infer<typeof businessUpdateSchema>;

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
