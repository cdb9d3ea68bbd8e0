import type { SlotValue } from '../engine/reply-engine.ts';
import type { FlowStep } from '../flows/flow-schema.ts';
import { evaluateBranchRule } from './evaluate-branch-rule.ts';
import { promptFor } from './prompt-for.ts';
import { defaultNoLinkText } from './step-result.ts';
import type { StepContext, StepResult, StepTransition } from './step-result.ts';

type Slots = Readonly<Record<string, SlotValue>>;

/**
 * Runs a step the flow has just reached. Message and branch steps pass control on, an ask step
 * sends its prompt and waits (or passes on when its slot is already filled), and booking,
 * handoff and end steps finish the bot's part of the conversation. A step's `set` values apply
 * before its text is rendered.
 */
export function runStep(step: FlowStep, context: StepContext): StepResult {
  const slotUpdates: Record<string, SlotValue> = step.type === 'ask' ? {} : { ...step.set };
  const slots = { ...context.slots, ...slotUpdates };
  const render = (template: string) => context.render(template, slots);
  const { replies, transition, message } = decide(step, slots, render, context);
  return { replies, transition, slotUpdates, log: [{ level: 'info', message, stepId: step.id }] };
}

interface Decision {
  replies: string[];
  transition: StepTransition;
  message: string;
}

function decide(
  step: FlowStep,
  slots: Slots,
  render: (template: string) => string,
  context: StepContext,
): Decision {
  switch (step.type) {
    case 'message':
      return {
        replies: [render(step.text)],
        transition: { kind: 'continue', stepId: step.next },
        message: 'Sent message',
      };
    case 'ask':
      return decideAsk(step, slots, render);
    case 'branch': {
      const index = step.when.findIndex((rule) =>
        evaluateBranchRule(rule, slots, { openNow: context.openNow }),
      );
      const rule = step.when[index];
      const next = rule === undefined ? step.default : rule.next;
      const taken = rule === undefined ? 'the default' : `rule ${index + 1}`;
      return {
        replies: [],
        transition: { kind: 'continue', stepId: next },
        message: `Branched by ${taken} to "${next}"`,
      };
    }
    case 'booking': {
      const hasLink = Boolean(context.bookingLink?.trim());
      return {
        replies: [render(hasLink ? step.text : (step.no_link_text ?? defaultNoLinkText))],
        transition: { kind: 'finish', outcome: 'qualified', handoffReason: null },
        message: hasLink ? 'Sent the booking link' : 'Sent no_link_text, the business has no link',
      };
    }
    case 'handoff':
      return {
        replies: [render(step.text)],
        transition: { kind: 'finish', outcome: 'needs_human', handoffReason: step.reason },
        message: `Handed off: ${step.reason}`,
      };
    case 'end':
      return {
        replies: step.text === undefined ? [] : [render(step.text)],
        transition: {
          kind: 'finish',
          outcome: step.outcome,
          handoffReason: null,
          discardReason:
            step.outcome === 'discarded' ? (step.reason ?? `Ended at step "${step.id}"`) : null,
        },
        message: `Ended as ${step.outcome}`,
      };
  }
}

function decideAsk(
  step: Extract<FlowStep, { type: 'ask' }>,
  slots: Slots,
  render: (template: string) => string,
): Decision {
  const value = slots[step.slot];
  if (value !== undefined && value !== null) {
    return {
      replies: [],
      transition: { kind: 'continue', stepId: step.next },
      message: `Skipped the question, slot "${step.slot}" is already filled`,
    };
  }
  return {
    replies: [render(promptFor(step))],
    transition: { kind: 'wait', stepId: step.id },
    message: `Asked for slot "${step.slot}"`,
  };
}
