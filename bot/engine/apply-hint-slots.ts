import type { Flow } from '../flows/flow.ts';
import type { LeadHints } from '../llm/check-lead-reading.ts';
import { cleanTextAnswer } from '../understanding/clean-text-answer.ts';
import { labelSlotName } from './build-template-fields.ts';
import type { SlotValue } from './reply-engine.ts';

export interface HintSlotUpdates {
  updates: Record<string, SlotValue>;
  corrected: string[];
}

/**
 * Adds the model's checked slot values that the rules did not find. An empty slot is filled; a
 * filled one is replaced only when the message is a correction. `currentSlot` is left to the
 * waiting ask step, and slots in `skip` were already set by the rules this turn.
 */
export function applyHintSlots(
  hints: LeadHints,
  flow: Flow,
  slots: Readonly<Record<string, SlotValue>>,
  options: { currentSlot: string | null; skip: ReadonlySet<string>; isCorrecting: boolean },
): HintSlotUpdates {
  const updates: Record<string, SlotValue> = {};
  const corrected: string[] = [];
  for (const [name, match] of hints.slots) {
    if (name === options.currentSlot || options.skip.has(name)) {
      continue;
    }
    const previous = slots[name];
    const isFilled = previous !== undefined && previous !== null;
    if (isFilled && (!options.isCorrecting || previous === match.value)) {
      continue;
    }
    const kind = flow.slots.get(name);
    const value =
      kind === 'text' && typeof match.value === 'string' ? cleanTextAnswer(match.value) : match.value;
    if (value === '') {
      continue;
    }
    updates[name] = value;
    if (match.label !== undefined) {
      updates[labelSlotName(name)] = match.label;
    }
    if (isFilled) {
      corrected.push(name);
    }
  }
  return { updates, corrected };
}
