/**
 * Normalizes a typed phone number to E.164 (`+15555550123`) by dropping spaces, dashes, dots and
 * brackets. Returns null unless the rest is a plus sign followed by 8 to 15 digits. The server
 * validates the number again, so this check only catches obvious typos.
 */
export function normalizeCallerNumber(input: string): string | null {
  const compact = input.replace(/[\s\-().]/g, '');
  return /^\+[1-9]\d{7,14}$/.test(compact) ? compact : null;
}
