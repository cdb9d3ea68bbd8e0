import { parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * Caller IDs that carriers send when the number is withheld: keypad spellings of ANONYMOUS,
 * RESTRICTED, BLOCKED, UNKNOWN and UNAVAILABLE, as Twilio delivers them in `From`.
 */
const withheldDigits = new Set([
  '266696687',
  '7378742833',
  '17378742833',
  '2562533',
  '8656696',
  '86282452253',
]);
const withheldWords = new Set(['anonymous', 'restricted', 'unknown', 'blocked', 'unavailable', 'private']);

export type CallerId =
  | { kind: 'number'; e164: string }
  | { kind: 'withheld' }
  | { kind: 'invalid'; raw: string };

/** Classifies a caller ID as a textable E.164 number, a withheld ID or something unusable. */
export function parseCallerId(raw: string | undefined): CallerId {
  const value = (raw ?? '').trim();
  if (value === '' || withheldWords.has(value.toLowerCase())) {
    return { kind: 'withheld' };
  }
  if (withheldDigits.has(value.replace(/^\+/, ''))) {
    return { kind: 'withheld' };
  }
  const e164 = toE164(value);
  return e164 ? { kind: 'number', e164 } : { kind: 'invalid', raw: value };
}

/** Normalises a phone number to E.164, reading numbers without a country code as US numbers. */
export function toE164(raw: string): string | null {
  const parsed = parsePhoneNumberFromString(raw.trim(), 'US');
  if (!parsed || !parsed.isPossible()) {
    return null;
  }
  return parsed.number;
}
