import type { FlowChoice } from '../flows/flow-schema.ts';
import { isNearWord } from './is-near-word.ts';
import { containsPhrase, simplifyText } from './simplify-text.ts';

/**
 * Matches a message to one of a step's choices and returns the choice's value. Accepts the
 * choice's number in the list ("2"), its value, label or a synonym as whole words, or a
 * one-typo spelling of a one-word answer. Returns null when no choice or more than one matches.
 */
export function parseChoice(text: string, choices: readonly FlowChoice[]): string | null {
  const simplified = simplifyText(text);
  const position = /^#?(\d{1,2})$/.exec(simplified)?.[1];
  if (position !== undefined) {
    return choices[Number(position) - 1]?.value ?? null;
  }
  const namesOf = (choice: FlowChoice) => [choice.value, choice.label, ...choice.synonyms];
  const exact = choices.filter((choice) =>
    namesOf(choice).some((name) => simplifyText(name) === simplified),
  );
  if (exact.length === 1) {
    return exact[0]?.value ?? null;
  }
  const mentioned = choices.filter((choice) =>
    namesOf(choice).some((name) => containsPhrase(simplified, name)),
  );
  if (mentioned.length === 1) {
    return mentioned[0]?.value ?? null;
  }
  const nearby = choices.filter((choice) =>
    namesOf(choice).some((name) => isNearWord(simplified, simplifyText(name), 4)),
  );
  return nearby.length === 1 ? (nearby[0]?.value ?? null) : null;
}
