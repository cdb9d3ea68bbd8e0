/**
 * Phrases that ask to stop without being a bare keyword ("STOP please", "stop texting me").
 * Carriers opt a number out only on a whole-message keyword, so these do not opt out, but a
 * person should read them before anything else is sent.
 */
const likelyOptOutPatterns = [
  /\b(stop|quit|cancel|end|unsubscribe|optout|opt out|revoke)\b.*\b(text|texting|message|messaging|msg|sms|contact)/i,
  /\b(don'?t|do not|dont|never)\s+(text|message|contact|call)\s+me\b/i,
  /\b(remove|take)\s+me\s+(off|from)\b/i,
  /\bleave me alone\b/i,
  /\bno more (texts|messages)\b/i,
  /\b(deja|dejen) de (escribir|mandar)/i,
];

/** Keywords that, as the first or last word of a short sentence, ask the texts to stop. */
const stopWords = new Set(['stop', 'stopall', 'unsubscribe', 'optout', 'quit']);
/** "won't stop", "can't stop": the lead describes a fault, not a request. */
const negations = new Set(['wont', 'won', 'doesnt', 'not', 'cant', 'never', 'didnt', 'isnt', 'will']);
const maxShortSentenceWords = 3;

export function isLikelyOptOut(body: string): boolean {
  if (likelyOptOutPatterns.some((pattern) => pattern.test(body))) {
    return true;
  }
  return splitSentences(body).some(isShortStopSentence);
}

function splitSentences(body: string): string[][] {
  return body
    .normalize('NFKC')
    .toLowerCase()
    .replace(/opt[\s-]+out/g, 'optout')
    .split(/[.!?;\n]+/)
    .map((sentence) => sentence.replace(/[^\p{L}\p{N}\s]/gu, '').split(/\s+/).filter(Boolean))
    .filter((words) => words.length > 0);
}

function isShortStopSentence(words: string[]): boolean {
  if (words.length > maxShortSentenceWords) {
    return false;
  }
  const first = words[0] ?? '';
  const last = words.at(-1) ?? '';
  const beforeLast = words.at(-2) ?? '';
  return stopWords.has(first) || (stopWords.has(last) && !negations.has(beforeLast));
}
