/** Carrier-standard keywords; only a whole message counts, ignoring case and surrounding space. */
const optOutKeywords = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPTOUT', 'REVOKE']);
const optInKeywords = new Set(['START', 'UNSTOP', 'YES']);
const helpKeywords = new Set(['HELP', 'INFO']);

export type KeywordKind = 'opt_out' | 'opt_in' | 'help';

export interface Keyword {
  kind: KeywordKind;
  keyword: string;
}

/**
 * Classifies an inbound text as an opt-out, opt-in or help keyword. Twilio's `OptOutType`
 * field, when present, decides, because it also covers keywords an account set up in other
 * languages.
 */
export function classifyKeyword(body: string, optOutType: string | undefined): Keyword | null {
  const keyword = normaliseKeyword(body);
  const carrierType = optOutType?.trim().toUpperCase();
  if (carrierType === 'STOP') {
    return { kind: 'opt_out', keyword: keyword || 'STOP' };
  }
  if (carrierType === 'START') {
    return { kind: 'opt_in', keyword: keyword || 'START' };
  }
  if (carrierType === 'HELP') {
    return { kind: 'help', keyword: keyword || 'HELP' };
  }
  if (optOutKeywords.has(keyword)) {
    return { kind: 'opt_out', keyword };
  }
  if (optInKeywords.has(keyword)) {
    return { kind: 'opt_in', keyword };
  }
  if (helpKeywords.has(keyword)) {
    return { kind: 'help', keyword };
  }
  return null;
}

/**
 * Reduces a text to its letters and digits in upper case, so "ＳＴＯＰ", "STOP\u200B", "stop?",
 * "Opt-out" and "STOP 🛑" all read as the bare keyword. Words around it still make it a
 * sentence, not a keyword.
 */
export function normaliseKeyword(body: string): string {
  return body
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .trim()
    .replace(/^OPT\s+OUT$/i, 'OPTOUT')
    .toUpperCase();
}
