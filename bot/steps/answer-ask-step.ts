import { labelSlotName } from '../engine/build-template-fields.ts';
import type { ConversationContext, SlotValue } from '../engine/reply-engine.ts';
import type { AskStep } from '../flows/flow-schema.ts';
import { cleanTextAnswer } from '../understanding/clean-text-answer.ts';
import { extractSlot } from '../understanding/extract-slot.ts';
import type { SlotMatch } from '../understanding/extract-slot.ts';
import { promptFor, repromptFor } from './prompt-for.ts';
import type { StepContext, StepResult } from './step-result.ts';

export interface AnswerContext extends StepContext {
  conversation: ConversationContext;
  /** The lead's message, without any sentence an FAQ answer already covered. */
  text: string;
  /** `text` without the parts that filled other slots. */
  remainder: string;
  /** `text` with the values of other slots cut out ("Kim 60614" leaves "Kim"). */
  stripped?: string;
  /** Failed answers to this step before this message. */
  attempts: number;
  /**
   * True when the message did something else useful (filled another slot or got an FAQ
   * answer), so failing to answer this step does not count against its retries.
   */
  wasUseful: boolean;
  /** The language model's checked value for this step's slot, used when the rules read none. */
  hint?: SlotMatch | null;
}

export interface AnswerResult extends StepResult {
  attempts: number;
}

// Stored text answers are capped so one long message cannot bloat the conversation's state.
const maxTextAnswerLength = 500;

/**
 * Reads the lead's answer to the ask step that is waiting. A readable answer fills the slot
 * and moves on to `next`. Otherwise the step reprompts until its retries are used up, then
 * goes to `on_fail`, or hands the conversation to a person when `on_fail` is not set.
 */
export function answerAskStep(step: AskStep, context: AnswerContext): AnswerResult {
  const rulesValue = readAnswer(step, context);
  const value = rulesValue ?? fromHint(step, context.hint);
  if (value !== null) {
    const source = rulesValue === null ? ' with the LLM' : '';
    return {
      replies: [],
      slotUpdates: value,
      log: [{ level: 'info', message: `Filled slot "${step.slot}"${source}`, stepId: step.id }],
      transition: { kind: 'continue', stepId: step.next },
      attempts: 0,
    };
  }
  const render = (template: string) => context.render(template, context.slots);
  if (context.wasUseful) {
    return {
      replies: [render(promptFor(step))],
      slotUpdates: {},
      log: [{ level: 'info', message: `Asked again for slot "${step.slot}"`, stepId: step.id }],
      transition: { kind: 'wait', stepId: step.id },
      attempts: context.attempts,
    };
  }

  const attempts = context.attempts + 1;
  const retries = step.retries ?? context.flow.settings.max_retries;
  if (attempts <= retries) {
    return {
      replies: [render(repromptFor(step))],
      slotUpdates: {},
      log: [
        {
          level: 'info',
          message: `Could not read slot "${step.slot}", reprompted`,
          stepId: step.id,
          data: { attempts },
        },
      ],
      transition: { kind: 'wait', stepId: step.id },
      attempts,
    };
  }
  const message = `No valid ${step.kind} answer for slot "${step.slot}" after ${attempts} tries`;
  const log = [{ level: 'warn' as const, message, stepId: step.id }];
  if (step.on_fail !== undefined) {
    return {
      replies: [],
      slotUpdates: {},
      log,
      transition: { kind: 'continue', stepId: step.on_fail },
      attempts: 0,
    };
  }
  return {
    replies: [render(context.flow.settings.messages.handoff)],
    slotUpdates: {},
    log,
    transition: { kind: 'finish', outcome: 'needs_human', handoffReason: message },
    attempts: 0,
  };
}

function readAnswer(step: AskStep, context: AnswerContext): Record<string, SlotValue> | null {
  const texts =
    step.kind === 'text'
      ? [context.remainder]
      : [context.remainder, context.stripped ?? '', context.text];
  for (const text of texts) {
    if (text.trim() === '') {
      continue;
    }
    const match = extractSlot(text, {
      kind: step.kind,
      choices: step.choices,
      now: context.conversation.now,
      timeZone: context.conversation.business.timeZone,
      isAnswer: true,
      previous: context.slots[step.slot],
      contactPhone: context.conversation.contact.phone,
    });
    if (match === null) {
      continue;
    }
    const updates = toSlotUpdates(step, match);
    if (updates[step.slot] === '') {
      continue;
    }
    return updates;
  }
  return null;
}

function fromHint(step: AskStep, hint: SlotMatch | null | undefined): Record<string, SlotValue> | null {
  if (hint === null || hint === undefined) {
    return null;
  }
  const updates = toSlotUpdates(step, hint);
  return updates[step.slot] === '' ? null : updates;
}

function toSlotUpdates(step: AskStep, match: SlotMatch): Record<string, SlotValue> {
  let value = match.value;
  if (typeof value === 'string') {
    value = step.kind === 'text' ? cleanTextAnswer(value) : value;
    value = value.slice(0, maxTextAnswerLength);
  }
  const label = match.label === undefined ? {} : { [labelSlotName(step.slot)]: match.label };
  return { [step.slot]: value, ...label };
}
