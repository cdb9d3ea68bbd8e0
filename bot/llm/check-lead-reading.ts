import type { BotLogEntry, ConversationContext } from '../engine/reply-engine.ts';
import type { Flow } from '../flows/flow.ts';
import type { FaqEntry, FlowChoice, SlotKind } from '../flows/flow-schema.ts';
import { findLinks } from '../guardrails/find-links.ts';
import type { LeadIntent } from '../understanding/detect-lead-intent.ts';
import { extractSlot } from '../understanding/extract-slot.ts';
import type { SlotMatch } from '../understanding/extract-slot.ts';
import { simplifyText, wordsOf } from '../understanding/simplify-text.ts';
import type { LeadReading } from './lead-reading-schema.ts';

/** The model's reading, after every value has passed the same parsers the rules use. */
export interface LeadHints {
  intent: LeadIntent | null;
  slots: Map<string, SlotMatch>;
  faq: FaqEntry | null;
  isCorrection: boolean;
}

export interface CheckLeadReadingOptions {
  text: string;
  flow: Flow;
  context: ConversationContext;
  stepId?: string;
}

export interface CheckLeadReadingResult {
  hints: LeadHints;
  log: BotLogEntry[];
}

const maxSlotEntries = 12;
const maxValueLength = 300;
// Kinds whose value must be copied from the lead's words, so the model cannot invent text.
const groundedKinds: ReadonlySet<SlotKind> = new Set(['text', 'name', 'address', 'zip', 'phone']);

/**
 * Turns a model's reading into hints the engine may use. Each slot value must belong to a slot
 * the flow collects, contain no link or template braces, parse as its kind, and (for free-text
 * kinds) be taken from the lead's own words. Values that fail are dropped and logged, so a
 * hostile or confused answer can at worst leave a slot empty.
 */
export function checkLeadReading(
  reading: LeadReading,
  options: CheckLeadReadingOptions,
): CheckLeadReadingResult {
  const log: BotLogEntry[] = [];
  const stepId = options.stepId === undefined ? {} : { stepId: options.stepId };
  const reject = (slot: string, reason: string) => {
    log.push({ level: 'warn', message: `Ignored the LLM's value for "${slot}": ${reason}`, ...stepId });
  };

  const waiting = options.stepId === undefined ? undefined : options.flow.steps.get(options.stepId);
  const pendingSlot = waiting?.type === 'ask' ? waiting.slot : null;
  const slots = new Map<string, SlotMatch>();
  for (const entry of reading.slots.slice(0, maxSlotEntries)) {
    const kind = options.flow.slots.get(entry.slot);
    if (kind === undefined || kind === null) {
      reject(entry.slot, 'the flow collects no such slot');
      continue;
    }
    const problem = findValueProblem(entry.value, kind, options.text);
    if (problem !== null) {
      reject(entry.slot, problem);
      continue;
    }
    // Outside an answer to the name question, only capitalised words count as a name, as in
    // the rules, so "ignore previous instructions" cannot become the lead's name.
    if (kind === 'name' && entry.slot !== pendingSlot && !isCapitalisedIn(entry.value, options.text)) {
      reject(entry.slot, "it is not written as a name in the lead's message");
      continue;
    }
    const match = extractSlot(entry.value, {
      kind,
      choices: choicesOf(options.flow, entry.slot),
      now: options.context.now,
      timeZone: options.context.business.timeZone,
      isAnswer: true,
      contactPhone: options.context.contact.phone,
    });
    if (match === null) {
      reject(entry.slot, `it is not a valid ${kind}`);
      continue;
    }
    slots.set(entry.slot, match);
  }

  const faqIndex = reading.faq;
  const faq = faqIndex === null ? null : (options.flow.faq[faqIndex - 1] ?? null);
  if (faqIndex !== null && faq === null) {
    log.push({ level: 'warn', message: `Ignored the LLM's FAQ number ${faqIndex}`, ...stepId });
  }
  return {
    hints: { intent: toLeadIntent(reading.intent), slots, faq, isCorrection: reading.is_correction },
    log,
  };
}

function findValueProblem(value: string, kind: SlotKind, text: string): string | null {
  if (value.trim() === '' || value.length > maxValueLength) {
    return 'it is empty or too long';
  }
  if (/[{}]/.test(value) || findLinks(value).length > 0) {
    return 'it contains a link or template braces';
  }
  if (groundedKinds.has(kind) && !isInText(value, kind, text)) {
    return "it is not in the lead's message";
  }
  return null;
}

/** Checks that the value's words (or, for numbers, its digits) occur in the lead's message. */
function isInText(value: string, kind: SlotKind, text: string): boolean {
  if (kind === 'zip' || kind === 'phone') {
    const digits = value.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');
    return digits !== '' && text.replace(/\D/g, '').includes(digits);
  }
  const textWords = new Set(wordsOf(text));
  const valueWords = wordsOf(value);
  return valueWords.length > 0 && valueWords.every((word) => textWords.has(word)) &&
    simplifyText(value).length <= simplifyText(text).length;
}

function isCapitalisedIn(value: string, text: string): boolean {
  const capitalised = new Set(text.split(/[^\p{L}'-]+/u).filter((word) => /^\p{Lu}/u.test(word)));
  return value.split(/\s+/).every((word) => capitalised.has(word));
}

function choicesOf(flow: Flow, slot: string): FlowChoice[] | undefined {
  for (const step of flow.steps.values()) {
    if (step.type === 'ask' && step.slot === slot && step.choices !== undefined) {
      return step.choices;
    }
  }
  return undefined;
}

function toLeadIntent(intent: LeadReading['intent']): LeadIntent | null {
  switch (intent) {
    case 'human_request':
    case 'wrong_number':
    case 'not_interested':
    case 'spam':
      return intent;
    default:
      return null;
  }
}
