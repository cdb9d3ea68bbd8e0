import type { BotLogEntry, BotOutcome, SlotValue } from '../engine/reply-engine.ts';
import type { Flow } from '../flows/flow.ts';

/** The flow's next move after a step: on to another step, wait for the lead, or stop. */
export type StepTransition =
  | { kind: 'continue'; stepId: string }
  | { kind: 'wait'; stepId: string }
  | {
      kind: 'finish';
      outcome: BotOutcome;
      handoffReason: string | null;
      discardReason?: string | null;
    };

/** A step's effects as data, which the runner applies. */
export interface StepResult {
  /** Rendered reply texts, before guardrails. */
  replies: string[];
  slotUpdates: Record<string, SlotValue>;
  log: BotLogEntry[];
  transition: StepTransition;
}

export interface StepContext {
  flow: Flow;
  slots: Readonly<Record<string, SlotValue>>;
  bookingLink: string | null;
  /** Whether the business is open now, for `open_now` branch rules. */
  openNow: boolean;
  /** Renders a flow template with the conversation's fields and the given slots. */
  render(template: string, slots: Readonly<Record<string, SlotValue>>): string;
}

export const defaultNoLinkText =
  'Thanks! Someone from {{business.name}} will text you shortly to set up a time.';
