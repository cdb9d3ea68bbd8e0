import type { Flow } from '../flows/flow.ts';
import type { LeadHints } from '../llm/check-lead-reading.ts';
import { isCorrection } from '../understanding/is-correction.ts';
import { applyHintSlots } from './apply-hint-slots.ts';
import { readOtherSlots } from './read-other-slots.ts';
import type { ConversationContext } from './reply-engine.ts';
import type { TurnDraft } from './turn-draft.ts';

/**
 * Fills the slots that a message asking for a person clearly contains, so staff get the name
 * from "hi, I'm John Smith. can I speak to a real person?" and any other value the rules or the
 * model's checked hints read. A free-text slot that the bot is waiting for stays empty, so
 * "can I speak to a person" never becomes the lead's need.
 */
export function readSlotsBeforeHandoff(
  text: string,
  hints: LeadHints | null,
  flow: Flow,
  draft: TurnDraft,
  context: ConversationContext,
): void {
  const waiting = draft.stepId === null ? undefined : flow.steps.get(draft.stepId);
  const waitingSlot = waiting?.type === 'ask' ? waiting.slot : null;
  const isWaitingForText = waitingSlot !== null && flow.slots.get(waitingSlot) === 'text';
  const skippedSlot = isWaitingForText ? waitingSlot : null;
  const fromRules = readOtherSlots(text, flow, draft.slots, context, skippedSlot);
  const fromHints =
    hints === null
      ? { updates: {} }
      : applyHintSlots(hints, flow, draft.slots, {
          currentSlot: skippedSlot,
          skip: new Set(Object.keys(fromRules.updates)),
          isCorrecting: hints.isCorrection || isCorrection(text),
        });
  Object.assign(draft.slots, fromRules.updates, fromHints.updates);

  const updatedNames = [...Object.keys(fromRules.updates), ...Object.keys(fromHints.updates)];
  const filledNames = updatedNames.filter((name) => flow.slots.has(name));
  if (filledNames.length > 0) {
    const source = Object.keys(fromHints.updates).length > 0 ? ' (with the LLM)' : '';
    const message = `Filled slots ${filledNames.join(', ')} from the request for a person${source}`;
    draft.log.push({ level: 'info', message, stepId: draft.stepId ?? undefined });
  }
}
