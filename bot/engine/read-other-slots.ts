import type { Flow } from '../flows/flow.ts';
import { extractOtherSlots } from '../understanding/extract-other-slots.ts';
import type { SlotCandidate } from '../understanding/extract-other-slots.ts';
import { isCorrection } from '../understanding/is-correction.ts';
import { labelSlotName } from './build-template-fields.ts';
import type { ConversationContext, SlotValue } from './reply-engine.ts';

export interface OtherSlotUpdates {
  updates: Record<string, SlotValue>;
  /** Names of slots that had a value which this message replaced. */
  corrected: string[];
  remainder: string;
  /** The message with every value that was read cut out. */
  stripped: string;
}

/**
 * Reads slots the flow asks for elsewhere from a message. Empty slots are filled whenever the
 * message clearly holds them; filled slots are replaced only when the message reads as a
 * correction ("actually Thursday"). `currentSlot` is left to the waiting step, and slots of
 * its kind are skipped so one answer cannot fill two slots.
 */
export function readOtherSlots(
  text: string,
  flow: Flow,
  slots: Readonly<Record<string, SlotValue>>,
  context: ConversationContext,
  currentSlot: string | null,
): OtherSlotUpdates {
  const isCorrecting = isCorrection(text);
  const currentKind = currentSlot === null ? null : flow.slots.get(currentSlot);
  const candidates: SlotCandidate[] = [];
  for (const [name, kind] of flow.slots) {
    const isFilled = slots[name] !== undefined && slots[name] !== null;
    const isSkipped = kind === null || name === currentSlot || kind === currentKind;
    if (isSkipped || (isFilled && !isCorrecting)) {
      continue;
    }
    candidates.push({ name, kind, previous: slots[name] });
  }

  const timeZone = context.business.timeZone;
  const found = extractOtherSlots(text, candidates, { now: context.now, timeZone });
  const updates: Record<string, SlotValue> = {};
  const corrected: string[] = [];
  for (const [name, match] of found.matches) {
    if (slots[name] === match.value) {
      continue;
    }
    if (slots[name] !== undefined && slots[name] !== null) {
      corrected.push(name);
    }
    updates[name] = match.value;
    if (match.label !== undefined) {
      updates[labelSlotName(name)] = match.label;
    }
  }
  return { updates, corrected, remainder: found.remainder, stripped: found.stripped };
}
