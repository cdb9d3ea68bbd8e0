/**
 * Lowercases a message, removes accents and punctuation other than apostrophes, and collapses
 * spaces, so rule lists can match "Sí!!" as "si" and "Can't" as "can't".
 */
export function simplifyText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[^a-z0-9'\s]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Returns the words of a simplified text. */
export function wordsOf(text: string): string[] {
  const simplified = simplifyText(text);
  return simplified === '' ? [] : simplified.split(' ');
}

/** Checks whether `phrase` occurs in `text` as whole words; both are simplified first. */
export function containsPhrase(text: string, phrase: string): boolean {
  return ` ${simplifyText(text)} `.includes(` ${simplifyText(phrase)} `);
}
