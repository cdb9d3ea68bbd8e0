export interface ZipMatch {
  /** The five-digit ZIP code; a ZIP+4 suffix is dropped. */
  value: string;
  matchedText: string;
}

// Five digits not inside a longer run of digits, so phone numbers and house numbers with
// six or more digits do not match.
const zipPattern = /(?<![\d-])(\d{5})(?:-\d{4})?(?![\d-])/;

/** Finds a US ZIP code in a message ("60614", "zip is 60614-1234"). */
export function parseZip(text: string): ZipMatch | null {
  const match = zipPattern.exec(text);
  if (match === null || match[1] === undefined || match[1] === '00000') {
    return null;
  }
  return { value: match[1], matchedText: match[0] };
}
