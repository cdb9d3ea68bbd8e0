import type { Flow } from '../flows/flow.ts';
import type { StepContext } from '../steps/step-result.ts';
import { advanceFlow } from './advance-flow.ts';
import type { BotOutcome, SlotValue } from './reply-engine.ts';
import type { TurnDraft } from './turn-draft.ts';

/** The point where a finished conversation that staff handed back to the bot picks up. */
export type HandbackResume =
  /** A question of the flow is still unanswered, so the lead's text answers it. */
  | { kind: 'ask'; stepId: string }
  /** Every question is answered, and `reply` is the text of the step that ends the flow. */
  | { kind: 'finished'; outcome: BotOutcome | null; reply: string | null };

/**
 * Runs the flow from its start over the collected slots without sending anything, to find the
 * first question still unanswered. With nothing collected that is the first question, so the
 * bot starts qualifying again. With everything collected it returns how the flow ends, such as
 * the booking step and its text with the link.
 */
export function findHandbackResume(
  flow: Flow,
  slots: Readonly<Record<string, SlotValue>>,
  context: Omit<StepContext, 'slots' | 'flow'>,
): HandbackResume {
  const dryRun: TurnDraft = {
    replies: [],
    slots: { ...slots },
    log: [],
    stepId: flow.start,
    attempts: 0,
    outcome: null,
    handoffReason: null,
    discardReason: null,
    isHandedBack: false,
  };
  advanceFlow(flow, flow.start, dryRun, context);
  if (dryRun.outcome === null && dryRun.stepId !== null) {
    return { kind: 'ask', stepId: dryRun.stepId };
  }
  return { kind: 'finished', outcome: dryRun.outcome, reply: dryRun.replies.at(-1) ?? null };
}
