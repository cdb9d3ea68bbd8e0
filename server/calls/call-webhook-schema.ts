import { z } from 'zod';

/** The fields of Twilio's voice webhooks that textback reads; unknown fields are dropped. */
export const callWebhookSchema = z.object({
  CallSid: z.string().trim().min(1, 'CallSid is missing').max(64),
  From: z.string().max(64).optional(),
  To: z.string().max(64).optional(),
  Called: z.string().max(64).optional(),
  CallStatus: z.string().max(32).optional(),
  CallDuration: z.string().max(16).optional(),
  DialCallStatus: z.string().max(32).optional(),
  DialCallDuration: z.string().max(16).optional(),
  AnsweredBy: z.string().max(32).optional(),
  ForwardedFrom: z.string().max(64).optional(),
});
export type CallWebhook = z.infer<typeof callWebhookSchema>;

/**
 * Why a call ended as it did. Every verdict but `answered` and `unknown` is a missed call.
 */
export type CallVerdict =
  | 'answered'
  | 'no_answer'
  | 'busy'
  | 'forwarding_failed'
  | 'call_failed'
  | 'caller_hung_up'
  | 'no_forwarding_number'
  | 'forwarded_by_carrier'
  | 'answered_by_machine'
  | 'not_accepted'
  | 'short_answer'
  | 'unknown';

const missedVerdicts: ReadonlySet<CallVerdict> = new Set([
  'no_answer',
  'busy',
  'forwarding_failed',
  'call_failed',
  'caller_hung_up',
  'no_forwarding_number',
  'forwarded_by_carrier',
  'answered_by_machine',
  'not_accepted',
  'short_answer',
]);

export function isMissedVerdict(verdict: CallVerdict): boolean {
  return missedVerdicts.has(verdict);
}

/**
 * Reads a `DialCallStatus`, the outcome of dialling the business's phone. Case and separators
 * vary between sources (`no-answer`, `NO_ANSWER`, `No-Answer`), so they are normalised first.
 */
export function verdictFromDialStatus(status: string | undefined): CallVerdict {
  switch (normaliseStatus(status)) {
    case 'no-answer':
      return 'no_answer';
    case 'busy':
      return 'busy';
    case 'failed':
      return 'forwarding_failed';
    case 'canceled':
    case 'cancelled':
      return 'caller_hung_up';
    case 'completed':
    case 'answered':
      return 'answered';
    default:
      return 'unknown';
  }
}

/**
 * Reads the parent call's `CallStatus` from a status callback. `completed` says only that the
 * call ended, so it returns null: the `<Dial>` outcome decides, or the caller hung up first.
 */
export function verdictFromCallStatus(status: string | undefined): CallVerdict | null {
  switch (normaliseStatus(status)) {
    case 'no-answer':
      return 'no_answer';
    case 'busy':
      return 'busy';
    case 'failed':
      return 'call_failed';
    case 'canceled':
    case 'cancelled':
      return 'caller_hung_up';
    default:
      return null;
  }
}

/** Parses a duration field in whole seconds; absent or non-numeric values give null. */
export function parseSeconds(value: string | undefined): number | null {
  if (value === undefined || !/^\s*\d{1,7}\s*$/.test(value)) {
    return null;
  }
  return Number.parseInt(value, 10);
}

function normaliseStatus(status: string | undefined): string {
  return (status ?? '').trim().toLowerCase().replace(/[_\s]+/g, '-');
}

/** Reads Twilio's `AnsweredBy`: `machine_start`, `machine_end_beep`, `fax` and the like. */
export function isMachineAnswer(answeredBy: string | undefined): boolean {
  const value = (answeredBy ?? '').trim().toLowerCase();
  return value.startsWith('machine') || value === 'fax';
}
