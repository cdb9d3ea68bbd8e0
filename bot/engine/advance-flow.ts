import type { Flow } from '../flows/flow.ts';
import { runStep } from '../steps/run-step.ts';
import type { StepContext } from '../steps/step-result.ts';
import { applyStepResult } from './turn-draft.ts';
import type { TurnDraft } from './turn-draft.ts';

// Flows are checked for loops without an ask step at load, but an ask step whose slot is
// already filled passes control on, so a loop through one can still spin. This caps it.
const maxStepsPerTurn = 50;

/**
 * Runs steps from `stepId` until one waits for the lead or finishes the conversation, adding
 * each step's result to the draft.
 */
export function advanceFlow(
  flow: Flow,
  stepId: string,
  draft: TurnDraft,
  context: Omit<StepContext, 'slots' | 'flow'>,
): void {
  let nextId = stepId;
  for (let count = 0; count < maxStepsPerTurn; count += 1) {
    const step = flow.steps.get(nextId);
    if (step === undefined) {
      handOffOnError(flow, draft, `Step "${nextId}" does not exist`, context);
      return;
    }
    const result = runStep(step, { ...context, flow, slots: draft.slots });
    applyStepResult(draft, result);
    if (result.transition.kind !== 'continue') {
      return;
    }
    nextId = result.transition.stepId;
  }
  handOffOnError(flow, draft, `Ran ${maxStepsPerTurn} steps without waiting for the lead`, context);
}

function handOffOnError(
  flow: Flow,
  draft: TurnDraft,
  message: string,
  context: Omit<StepContext, 'slots' | 'flow'>,
): void {
  draft.log.push({ level: 'error', message });
  applyStepResult(draft, {
    replies: [context.render(flow.settings.messages.handoff, draft.slots)],
    slotUpdates: {},
    log: [],
    transition: { kind: 'finish', outcome: 'needs_human', handoffReason: message },
  });
}
