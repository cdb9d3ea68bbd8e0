import { buildPhrasePattern } from './build-phrase-pattern.ts';
import { simplifyText } from './simplify-text.ts';

const correctionStartPattern = buildPhrasePattern(
  [
    'actually',
    'actualy',
    'acutally',
    'sorry',
    'wait',
    'oops',
    'correction',
    'no wait',
    'i meant',
    'i mean',
    'make it',
    'change (?:it |that )?to',
    'can we do',
    "let'?s (?:do|make it)",
    'mejor',
    'perdon',
  ],
  'start',
);
const correctionAnywherePattern = /\binstead\b|\bnot\b.+\bbut\b/;

/**
 * Checks whether a message corrects an earlier answer ("actually Thursday", "make it 4pm",
 * "Friday instead"), which lets it replace slots that are already filled.
 */
export function isCorrection(text: string): boolean {
  const simplified = simplifyText(text);
  return correctionStartPattern.test(simplified) || correctionAnywherePattern.test(simplified);
}
