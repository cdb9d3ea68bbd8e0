import { buildPhrasePattern } from './build-phrase-pattern.ts';
import { simplifyText } from './simplify-text.ts';

const acknowledgementPattern = buildPhrasePattern(
  [
    'ok',
    'okay',
    'k',
    'kk',
    'thanks',
    'thank you',
    'thx',
    'ty',
    'tysm',
    'great',
    'perfect',
    'cool',
    'awesome',
    'sounds good',
    'got it',
    'will do',
    'gracias',
    'perfecto',
    'bye',
    'see you',
    'you too',
    'np',
  ].map((word) => `${word}(?: (?:so much|you|again|a lot|man|guys))?`),
  'whole',
);

/** Checks whether a message only acknowledges ("ok", "thanks!", "sounds good"). */
export function isAcknowledgement(text: string): boolean {
  const simplified = simplifyText(text).replace(/(.)\1{2,}/g, '$1');
  if (simplified === '') {
    return /^[\p{Emoji}\s]+$/u.test(text.trim());
  }
  return acknowledgementPattern.test(simplified);
}
