export interface AddressMatch {
  value: string;
  matchedText: string;
}

const streetSuffixes =
  'st|street|ave|av|avenue|rd|road|blvd|boulevard|dr|drive|ln|lane|ct|court|way|pl|place|' +
  'hwy|highway|pkwy|parkway|cir|circle|ter|terrace|trl|trail|sq|square|calle|avenida';

// A house number, up to five words, a street suffix, then anything up to the next comma (such
// as a unit number).
const streetPattern = new RegExp(
  `\\b\\d{1,6}[a-z]?\\s+(?:[a-z0-9.'#-]+\\s+){0,4}(?:${streetSuffixes})\\b\\.?[^,;\\n]*`,
  'i',
);

export interface ParseAddressOptions {
  /** True when the message answers an address question, which relaxes the street-suffix rule. */
  isAnswer?: boolean;
}

/**
 * Finds a street address. Outside an answer to the address question only a house number
 * followed by a street suffix counts ("123 Main St"). As an answer, any text with a number and
 * at least two words counts, so "4410 N Lincoln" is accepted.
 */
export function parseAddress(text: string, options: ParseAddressOptions = {}): AddressMatch | null {
  const street = streetPattern.exec(text);
  if (street !== null) {
    const value = street[0].trim().replace(/[.,\s]+$/, '');
    return { value, matchedText: street[0] };
  }
  const trimmed = text.trim().replace(/\s+/g, ' ');
  const hasWords = (trimmed.match(/[a-z]{2,}/gi) ?? []).length >= 1;
  const wordCount = trimmed.split(' ').length;
  const isLooseAddress = /\d/.test(trimmed) && hasWords && wordCount >= 2 && trimmed.length <= 120;
  if (options.isAnswer && isLooseAddress) {
    return { value: trimmed.replace(/[.,\s]+$/, ''), matchedText: text };
  }
  return null;
}
