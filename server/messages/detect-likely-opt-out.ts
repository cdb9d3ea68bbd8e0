/**
 * Phrases that ask to stop without being a bare keyword ("STOP please", "stop texting me").
 * Carriers opt a number out only on a whole-message keyword, so these do not opt out, but a
 * person should read them before anything else is sent.
 */
const likelyOptOutPatterns = [
  /\b(stop|quit|cancel|end|unsubscribe|optout|opt out|revoke)\b.*\b(text|texting|message|messaging|msg|sms|contact)/i,
  /\b(stop|unsubscribe|optout|opt out)\b\s*(please|pls|plz|now|thanks|thank you|!+)?\s*$/i,
  /^\s*(please|pls|plz)\s+(stop|unsubscribe)\b/i,
  /\b(don'?t|do not|dont|never)\s+(text|message|contact|call)\s+me\b/i,
  /\b(remove|take)\s+me\s+(off|from)\b/i,
  /\bleave me alone\b/i,
  /\bno more (texts|messages)\b/i,
  /\b(deja|dejen) de (escribir|mandar)/i,
];

export function isLikelyOptOut(body: string): boolean {
  return likelyOptOutPatterns.some((pattern) => pattern.test(body));
}
