import type { CallVerdict } from './call-webhook-schema.ts';

/**
 * States in plain words why a call was or was not treated as missed, for owners reading a
 * conversation: "Caller hung up after 3 s", "Answered by a machine".
 */
export function describeVerdict(verdict: CallVerdict | null, durationSeconds: number | null): string {
  const after = durationSeconds === null ? '' : ` after ${durationSeconds} s`;
  switch (verdict) {
    case null:
      return 'Ringing';
    case 'answered':
      return `Answered by a person${after}`;
    case 'no_answer':
      return 'No answer';
    case 'busy':
      return 'Line busy';
    case 'forwarding_failed':
      return 'Forwarding to the business phone failed';
    case 'call_failed':
      return 'The call failed before it reached the business';
    case 'caller_hung_up':
      return `Caller hung up${after}`;
    case 'no_forwarding_number':
      return 'No phone to ring: the business has no forwarding number';
    case 'forwarded_by_carrier':
      return 'Forwarded by the carrier because nobody answered';
    case 'answered_by_machine':
      return 'Answered by a machine (voicemail)';
    case 'not_accepted':
      return 'Picked up, but nobody pressed a key to accept the call';
    case 'short_answer':
      return `Answered for only${after}, taken as a voicemail pickup`;
    case 'unknown':
      return 'Outcome unknown: Twilio sent no recognisable status';
  }
}
