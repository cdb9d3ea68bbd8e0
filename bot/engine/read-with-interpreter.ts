import { DateTime } from 'luxon';
import type { Flow } from '../flows/flow.ts';
import { checkLeadReading } from '../llm/check-lead-reading.ts';
import type { LeadHints } from '../llm/check-lead-reading.ts';
import type { InterpretRequest, InterpretSlot, LeadInterpreter } from '../llm/lead-interpreter.ts';
import { promptFor } from '../steps/prompt-for.ts';
import type { BotLogEntry, BotState, ConversationContext } from './reply-engine.ts';

export interface ReadWithInterpreterResult {
  /** Null when the reading failed or was skipped, so the rules decide alone. */
  hints: LeadHints | null;
  log: BotLogEntry[];
}

/**
 * Asks the language model to read the lead's message and checks its answer. A failure of any
 * kind (timeout, HTTP error, junk, a schema mismatch) becomes a warning in the log and null
 * hints; it never stops the turn.
 */
export async function readWithInterpreter(
  interpreter: LeadInterpreter,
  text: string,
  flow: Flow,
  state: BotState,
  context: ConversationContext,
): Promise<ReadWithInterpreterResult> {
  if (text.trim() === '') {
    return { hints: null, log: [] };
  }
  const stepId = state.stepId ?? undefined;
  const result = await interpreter.interpret(buildRequest(text, flow, state, context));
  const data = { elapsedMs: result.elapsedMs };
  if (!result.ok) {
    const message = `LLM reading failed (${result.failure}: ${result.message}), used the rules only`;
    return { hints: null, log: [{ level: 'warn', message, stepId, data }] };
  }
  const checked = checkLeadReading(result.reading, { text, flow, context, stepId });
  const read: BotLogEntry = {
    level: 'info',
    message: 'Read the message with the LLM',
    stepId,
    data: { ...data, intent: result.reading.intent, slots: checked.hints.slots.size },
  };
  return { hints: checked.hints, log: [read, ...checked.log] };
}

function buildRequest(
  text: string,
  flow: Flow,
  state: BotState,
  context: ConversationContext,
): InterpretRequest {
  const waiting = state.stepId === null ? undefined : flow.steps.get(state.stepId);
  const pending =
    waiting?.type === 'ask'
      ? { slot: waiting.slot, kind: waiting.kind, question: promptFor(waiting) }
      : null;
  const slots: InterpretSlot[] = [];
  for (const [name, kind] of flow.slots) {
    if (kind === null) {
      continue;
    }
    const value = state.slots[name];
    slots.push({
      name,
      kind,
      ...choicesFor(flow, name),
      isFilled: value !== undefined && value !== null,
    });
  }
  const local = DateTime.fromJSDate(context.now, { zone: context.business.timeZone });
  return {
    text,
    pending,
    slots,
    faqTopics: flow.faq.map((entry) => entry.keywords),
    localTime: local.setLocale('en-US').toFormat("cccc yyyy-LL-dd HH:mm ZZZZ"),
  };
}

function choicesFor(flow: Flow, slot: string): { choices?: string[] } {
  for (const step of flow.steps.values()) {
    if (step.type === 'ask' && step.slot === slot && step.choices !== undefined) {
      return { choices: step.choices.map((choice) => choice.value) };
    }
  }
  return {};
}
