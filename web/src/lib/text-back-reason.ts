import { sentenceCase } from './lead-outcome.ts';

/** Explanation of each reason the server records for a missed call that got no text back. */
const reasonLabels: Partial<Record<string, string>> = {
  text_back_off: 'text back is switched off',
  caller_id_withheld: 'caller ID withheld',
  invalid_caller_id: 'caller ID is not a phone number',
  opted_out: 'the contact opted out',
  recently_texted: 'texted back recently',
  staff_handling: 'staff are handling the conversation',
  short_call: 'the caller hung up within seconds',
  not_textable: 'the number cannot receive texts',
  landline: 'landline, call back',
  answered_call: 'a later call was answered',
  called_back: 'staff called back',
};

/** Returns a reason such as `recently_texted` in words, lowercase to follow other text. */
export function describeTextBackReason(reason: string): string {
  return reasonLabels[reason] ?? sentenceCase(reason).toLowerCase();
}
