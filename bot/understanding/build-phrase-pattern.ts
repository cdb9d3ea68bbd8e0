/**
 * Builds a case-sensitive regular expression that matches any of `phrases` as whole words, for
 * use on simplified (lowercase) text. Phrases are regular-expression sources, so "i'?m" may be
 * written. `position` anchors the match: anywhere, at the start, or the whole text.
 */
export function buildPhrasePattern(
  phrases: readonly string[],
  position: 'anywhere' | 'start' | 'whole' = 'anywhere',
): RegExp {
  const alternation = `(?:${phrases.join('|')})`;
  if (position === 'whole') {
    return new RegExp(`^${alternation}$`);
  }
  const prefix = position === 'start' ? '^' : '\\b';
  return new RegExp(`${prefix}${alternation}\\b`);
}
