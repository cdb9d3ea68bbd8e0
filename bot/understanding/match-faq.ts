import type { FaqEntry } from '../flows/flow-schema.ts';
import { containsPhrase } from './simplify-text.ts';

export interface FaqMatch {
  entry: FaqEntry;
  /** The message without the sentence the answer covers, so the rest can still answer a step. */
  remainder: string;
}

/**
 * Finds the first FAQ entry with a keyword in a question sentence of the message: one that ends
 * with "?" or starts with a question word. Returns null when the message asks nothing the FAQ
 * covers.
 */
export function matchFaq(text: string, faq: readonly FaqEntry[]): FaqMatch | null {
  const sentences = text.split(/(?<=[.!?\n])\s*/).filter((sentence) => sentence.trim() !== '');
  for (const [index, sentence] of sentences.entries()) {
    if (!isQuestion(sentence)) {
      continue;
    }
    const entry = faq.find((candidate) =>
      candidate.keywords.some((keyword) => containsPhrase(sentence, keyword)),
    );
    if (entry !== undefined) {
      const rest = sentences.filter((_sentence, other) => other !== index);
      return { entry, remainder: rest.join(' ').trim() };
    }
  }
  return null;
}

const questionStartPattern = new RegExp(
  '^(?:how|what|when|where|which|who|why|do|does|did|are|is|can|could|will|would|' +
    'cuanto|cuánto|que|qué|hacen|tienen)(?![\\p{L}])',
  'u',
);

function isQuestion(sentence: string): boolean {
  const trimmed = sentence.trim().toLowerCase();
  return (
    trimmed.endsWith('?') ||
    questionStartPattern.test(trimmed)
  );
}
