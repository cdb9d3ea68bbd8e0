import type { Flow } from '../flows/flow.ts';
import { renderTemplate } from '../templates/render-template.ts';
import { answerAskStep } from '../steps/answer-ask-step.ts';
import type { StepContext } from '../steps/step-result.ts';
import { detectLeadIntent } from '../understanding/detect-lead-intent.ts';
import type { LeadIntent } from '../understanding/detect-lead-intent.ts';
import { matchFaq } from '../understanding/match-faq.ts';
import { advanceFlow } from './advance-flow.ts';
import { buildTemplateFields } from './build-template-fields.ts';
import { handleAfterEnd } from './handle-after-end.ts';
import { readOtherSlots } from './read-other-slots.ts';
import type { BotLogEntry, BotState, ConversationContext, TurnResult } from './reply-engine.ts';
import { applyStepResult, toTurnResult } from './turn-draft.ts';
import type { TurnDraft } from './turn-draft.ts';

/**
 * Runs one turn of `flow` for the lead's message. The order is: requests that end the bot's
 * part (a person, wrong number, not interested), FAQ answers, slots for later questions, the
 * answer to the waiting question, then the steps up to the next question or the end.
 */
export function runTurn(
  text: string,
  state: BotState,
  flow: Flow,
  context: ConversationContext,
  log: BotLogEntry[],
): TurnResult {
  const draft: TurnDraft = {
    replies: [],
    slots: { ...state.slots },
    log: [...log],
    stepId: state.stepId,
    attempts: state.attempts,
    outcome: null,
    handoffReason: null,
  };
  const stepContext: Omit<StepContext, 'slots' | 'flow'> = {
    bookingLink: context.business.bookingLink,
    render: (template, slots) =>
      renderTemplate(template, buildTemplateFields(flow, context, slots)),
  };
  const render = (template: string) => stepContext.render(template, draft.slots);

  if (state.stepId === null) {
    handleAfterEnd(text, flow, draft, context, render);
    return toTurnResult(draft, flow, context);
  }
  const step = flow.steps.get(state.stepId);
  if (step === undefined || step.type !== 'ask') {
    const message = `Waiting step "${state.stepId}" is not an ask step`;
    draft.log.push({ level: 'error', message });
    advanceFlow(flow, state.stepId, draft, stepContext);
    return toTurnResult(draft, flow, context);
  }

  const intent = detectLeadIntent(text);
  const isAnswerToYesNo = intent === 'not_interested' && step.kind === 'yesno';
  if (intent !== null && !isAnswerToYesNo) {
    finishForIntent(intent, flow, draft, render, step.id);
    return toTurnResult(draft, flow, context);
  }

  const faq = matchFaq(text, flow.faq);
  if (faq !== null) {
    draft.replies.push(render(faq.entry.answer));
    draft.log.push({ level: 'info', message: 'Answered an FAQ', stepId: step.id });
  }
  const answerText = faq === null ? text : faq.remainder;
  const others = readOtherSlots(answerText, flow, draft.slots, context, step.slot);
  Object.assign(draft.slots, others.updates);
  const filledNames = Object.keys(others.updates).filter((name) => flow.slots.has(name));
  if (filledNames.length > 0) {
    const message = `Filled slots ${filledNames.join(', ')} early`;
    draft.log.push({ level: 'info', message, stepId: step.id });
  }
  if (others.corrected.length > 0) {
    draft.replies.push(render(flow.settings.messages.updated));
  }

  const answer = answerAskStep(step, {
    ...stepContext,
    flow,
    slots: draft.slots,
    conversation: context,
    text: answerText,
    remainder: others.remainder,
    attempts: state.attempts,
    wasUseful: faq !== null || filledNames.length > 0,
  });
  applyStepResult(draft, answer);
  draft.attempts = answer.attempts;
  if (answer.transition.kind === 'continue') {
    advanceFlow(flow, answer.transition.stepId, draft, stepContext);
  }
  return toTurnResult(draft, flow, context);
}

const intentOutcomes = {
  human_request: { outcome: 'needs_human', reason: 'Lead asked for a person' },
  wrong_number: { outcome: 'discarded', reason: null },
  not_interested: { outcome: 'discarded', reason: null },
} as const;

function finishForIntent(
  intent: LeadIntent,
  flow: Flow,
  draft: TurnDraft,
  render: (template: string) => string,
  stepId: string,
): void {
  const { outcome, reason } = intentOutcomes[intent];
  applyStepResult(draft, {
    replies: [render(flow.settings.messages[intent])],
    slotUpdates: {},
    log: [{ level: 'info', message: `Lead intent: ${intent.replace('_', ' ')}`, stepId }],
    transition: { kind: 'finish', outcome, handoffReason: reason },
  });
}
