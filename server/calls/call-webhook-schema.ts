import { z } from 'zod';

/** The fields of Twilio's voice webhooks that textback reads; Twilio sends many more. */
export const callWebhookSchema = z.object({
  CallSid: z.string().trim().min(1, 'CallSid is missing').max(64),
  From: z.string().max(64).optional(),
  To: z.string().max(64).optional(),
  Called: z.string().max(64).optional(),
  CallStatus: z.string().max(32).optional(),
  DialCallStatus: z.string().max(32).optional(),
});
export type CallWebhook = z.infer<typeof callWebhookSchema>;

export type DialOutcome = 'missed' | 'answered' | 'unknown';

const missedStatuses = new Set(['no-answer', 'busy', 'failed', 'canceled']);
const answeredStatuses = new Set(['completed', 'answered']);

/**
 * Reads a `DialCallStatus` or `CallStatus` value. Case and separators vary between sources
 * (`no-answer`, `NO_ANSWER`, `No-Answer`), so they are normalised first.
 */
export function classifyCallStatus(status: string | undefined): DialOutcome {
  const normalised = (status ?? '').trim().toLowerCase().replace(/[_\s]+/g, '-');
  if (missedStatuses.has(normalised)) {
    return 'missed';
  }
  if (answeredStatuses.has(normalised)) {
    return 'answered';
  }
  return 'unknown';
}
