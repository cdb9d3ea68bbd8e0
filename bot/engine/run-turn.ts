import type { Flow } from '../flows/flow.ts';
import type { AskStep } from '../flows/flow-schema.ts';
import type { LeadHints } from '../llm/check-lead-reading.ts';
import { renderTemplate } from '../templates/render-template.ts';
import { answerAskStep } from '../steps/answer-ask-step.ts';
import { questionFor } from '../steps/prompt-for.ts';
import type { StepContext } from '../steps/step-result.ts';
import { detectLeadIntent } from '../understanding/detect-lead-intent.ts';
import { isCorrection } from '../understanding/is-correction.ts';
import { matchFaq } from '../understanding/match-faq.ts';
import { advanceFlow } from './advance-flow.ts';
import { applyHintSlots } from './apply-hint-slots.ts';
import { buildTemplateFields } from './build-template-fields.ts';
import { findHandbackResume } from './find-handback-resume.ts';
import { finishForIntent } from './finish-for-intent.ts';
import { handleAfterEnd } from './handle-after-end.ts';
import { isBusinessOpen } from './is-business-open.ts';
import { readOtherSlots } from './read-other-slots.ts';
import { readSlotsBeforeHandoff } from './read-slots-before-handoff.ts';
import type { BotLogEntry, BotState, ConversationContext, TurnResult } from './reply-engine.ts';
import { applyStepResult, toTurnResult } from './turn-draft.ts';
import type { TurnDraft } from './turn-draft.ts';

export interface TurnInput {
  text: string;
  mediaCount: number;
  /** The language model's checked reading, or null when rules alone read the message. */
  hints: LeadHints | null;
}

/**
 * Runs one turn of `flow` for the lead's message. The order is: requests that end the bot's
 * part (a person, wrong number, not interested, spam), FAQ answers, slots for later questions,
 * the answer to the waiting question, then the steps up to the next question or the end. The
 * rules decide first; the model's hints fill only what the rules left open.
 */
export function runTurn(
  input: TurnInput,
  state: BotState,
  flow: Flow,
  context: ConversationContext,
  log: BotLogEntry[],
): TurnResult {
  const { text, hints } = input;
  const stepContext: Omit<StepContext, 'slots' | 'flow'> = {
    bookingLink: context.business.bookingLink,
    openNow: isBusinessOpen(context),
    render: (template, slots) =>
      renderTemplate(template, buildTemplateFields(flow, context, slots)),
  };
  const isHandedBack = state.stepId === null && state.isHandedBack === true;
  const handback = isHandedBack ? findHandbackResume(flow, state.slots, stepContext) : null;
  const waitingStepId = handback?.kind === 'ask' ? handback.stepId : state.stepId;
  const attempts = handback?.kind === 'ask' ? 0 : state.attempts;
  const draft: TurnDraft = {
    replies: [],
    slots: { ...state.slots },
    log: [...log],
    stepId: waitingStepId,
    attempts,
    outcome: null,
    handoffReason: null,
    discardReason: null,
    isHandedBack,
  };
  const render = (template: string) => stepContext.render(template, draft.slots);
  const isMediaOnly = text.trim() === '' && input.mediaCount > 0;

  if (waitingStepId === null) {
    const finished = handback?.kind === 'finished' ? handback : null;
    handleAfterEnd({ text, isMediaOnly, hints, handback: finished }, flow, draft, context, render);
    return toTurnResult(draft, flow, context);
  }
  if (handback !== null) {
    const message = `Picked the flow up at step "${waitingStepId}" after staff handed it back`;
    draft.log.push({ level: 'info', message, stepId: waitingStepId });
  }
  const step = flow.steps.get(waitingStepId);
  if (step === undefined || step.type !== 'ask') {
    const message = `Waiting step "${waitingStepId}" is not an ask step`;
    draft.log.push({ level: 'error', message });
    advanceFlow(flow, waitingStepId, draft, stepContext);
    return toTurnResult(draft, flow, context);
  }
  if (isMediaOnly) {
    askAgainAfterMedia(step, flow, draft, render);
    return toTurnResult(draft, flow, context);
  }

  const ruleIntent = detectLeadIntent(text);
  const intent = ruleIntent ?? hints?.intent ?? null;
  const isAnswerToYesNo = intent === 'not_interested' && step.kind === 'yesno';
  if (intent !== null && !isAnswerToYesNo) {
    // The model may send a lead to a person but never discard one on its own: a misread
    // "not interested" would lose a real customer without anyone seeing it.
    const isModelDiscard = ruleIntent === null && intent !== 'human_request';
    const reason = isModelDiscard ? `The LLM read the message as ${intent.replace('_', ' ')}` : null;
    const finalIntent = isModelDiscard ? 'human_request' : intent;
    if (finalIntent === 'human_request') {
      readSlotsBeforeHandoff(text, hints, flow, draft, context);
    }
    finishForIntent(finalIntent, flow, draft, render, step.id, reason);
    return toTurnResult(draft, flow, context);
  }

  const faq = matchFaq(text, flow.faq) ?? (hints?.faq ? { entry: hints.faq, remainder: text } : null);
  if (faq !== null) {
    draft.replies.push(render(faq.entry.answer));
    draft.log.push({ level: 'info', message: 'Answered an FAQ', stepId: step.id });
  }
  const answerText = faq === null ? text : faq.remainder;
  const others = readOtherSlots(answerText, flow, draft.slots, context, step.slot);
  const fromHints =
    hints === null
      ? { updates: {}, corrected: [] }
      : applyHintSlots(hints, flow, draft.slots, {
          currentSlot: step.slot,
          skip: new Set(Object.keys(others.updates)),
          isCorrecting: hints.isCorrection || isCorrection(text),
        });
  Object.assign(draft.slots, others.updates, fromHints.updates);
  const updatedNames = [...Object.keys(others.updates), ...Object.keys(fromHints.updates)];
  const filledNames = updatedNames.filter((name) => flow.slots.has(name));
  if (filledNames.length > 0) {
    const source = Object.keys(fromHints.updates).length > 0 ? ' (with the LLM)' : '';
    const message = `Filled slots ${filledNames.join(', ')} early${source}`;
    draft.log.push({ level: 'info', message, stepId: step.id });
  }
  if (others.corrected.length > 0 || fromHints.corrected.length > 0) {
    draft.replies.push(render(flow.settings.messages.updated));
  }

  const answer = answerAskStep(step, {
    ...stepContext,
    flow,
    slots: draft.slots,
    conversation: context,
    text: answerText,
    remainder: others.remainder,
    stripped: others.stripped,
    attempts,
    wasUseful: faq !== null || filledNames.length > 0,
    hint: hints?.slots.get(step.slot) ?? null,
  });
  applyStepResult(draft, answer);
  draft.attempts = answer.attempts;
  if (answer.transition.kind === 'continue') {
    advanceFlow(flow, answer.transition.stepId, draft, stepContext);
  }
  return toTurnResult(draft, flow, context);
}

/** Thanks the lead for a picture sent without text and asks the waiting question again. */
function askAgainAfterMedia(
  step: AskStep,
  flow: Flow,
  draft: TurnDraft,
  render: (template: string) => string,
): void {
  draft.replies.push(render(flow.settings.messages.media_received), render(questionFor(step)));
  const message = 'Lead sent media without text, asked again';
  draft.log.push({ level: 'info', message, stepId: step.id });
}
