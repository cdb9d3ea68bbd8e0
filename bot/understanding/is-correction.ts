import { simplifyText } from './simplify-text.ts';

const correctionPattern =
  /^(?:actually|actualy|acutally|sorry|wait|oops|correction|no wait|i meant|i mean|make it|change it to|change that to|change to|can we do|instead|let'?s do|let'?s make it|mejor|perdon)\b|\binstead\b|\bnot\b.+\bbut\b/;

/**
 * Whether a message corrects an earlier answer ("actually Thursday", "make it 4pm",
 * "Friday instead"), which lets it replace slots that are already filled.
 */
export function isCorrection(text: string): boolean {
  return correctionPattern.test(simplifyText(text));
}
