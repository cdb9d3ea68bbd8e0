import type { BotOutcome, SlotValue, TurnResult } from '../../bot/engine/reply-engine.ts';
import type { Flow } from '../../bot/flows/flow.ts';
import { simplifyText } from '../../bot/understanding/simplify-text.ts';
import type { EvalCase } from './load-corpus.ts';

export interface SlotScore {
  slot: string;
  isCorrect: boolean;
  expected: SlotValue;
  actual: SlotValue | undefined;
}

export interface CaseScore {
  id: string;
  slots: SlotScore[];
  expectedOutcome: BotOutcome | null;
  actualOutcome: BotOutcome | null;
  isOutcomeCorrect: boolean;
}

const greetingStart = /^(?:hi|hello|hey|hola|yo|good morning|buenas|buenos)\b/;

/**
 * Scores one case. A free-text slot (the need) is right when it contains the expected words,
 * does not start with a greeting and does not repeat the lead's name. An address must contain
 * the expected address, a name must match ignoring case, and any other slot must be equal.
 */
export function scoreCase(item: EvalCase, flow: Flow, results: TurnResult[]): CaseScore {
  const finalSlots = results.at(-1)?.state.slots ?? {};
  const expectedName = item.expect.slots.name;
  const slots = Object.entries(item.expect.slots).map(([slot, expected]) => {
    const actual = finalSlots[slot];
    const kind = flow.slots.get(slot) ?? null;
    return { slot, expected, actual, isCorrect: isSlotCorrect(kind, expected, actual, expectedName) };
  });
  const actualOutcome = results.reduce<BotOutcome | null>((last, result) => result.outcome ?? last, null);
  return {
    id: item.id,
    slots,
    expectedOutcome: item.expect.outcome,
    actualOutcome,
    isOutcomeCorrect: actualOutcome === item.expect.outcome,
  };
}

function isSlotCorrect(
  kind: string | null,
  expected: SlotValue,
  actual: SlotValue | undefined,
  expectedName: SlotValue | undefined,
): boolean {
  if (expected === null) {
    return actual === undefined || actual === null;
  }
  if (actual === undefined || actual === null) {
    return false;
  }
  if (kind === 'text') {
    const text = simplifyText(String(actual));
    const name = typeof expectedName === 'string' ? simplifyText(expectedName) : null;
    const hasName = name !== null && ` ${text} `.includes(` ${name} `);
    return text.includes(simplifyText(String(expected))) && !greetingStart.test(text) && !hasName;
  }
  if (kind === 'address') {
    return simplifyText(String(actual)).includes(simplifyText(String(expected)));
  }
  if (kind === 'name') {
    // "Jim S" and "Jim S." are the same name.
    const comparable = (value: SlotValue) => String(value).toLowerCase().replace(/\.$/, '');
    return comparable(actual) === comparable(expected);
  }
  return String(actual) === String(expected);
}
