import { findPhoneNumbersInText } from 'libphonenumber-js';

export interface PhoneMatch {
  /** E.164, such as +13125550142. */
  value: string;
  matchedText: string;
}

/**
 * Finds the first valid phone number in a message, reading numbers without a country code as
 * US numbers. A letter O typed among digits ("312-555-O142") is read as a zero.
 */
export function parsePhone(text: string): PhoneMatch | null {
  const repaired = text.replace(/(?<=[\d\s().-])[oO](?=[\d\s().-]*\d)/g, '0');
  const found = findPhoneNumbersInText(repaired, 'US').find((match) => match.number.isValid());
  if (found === undefined) {
    return null;
  }
  return { value: found.number.number, matchedText: repaired.slice(found.startsAt, found.endsAt) };
}
