import type { Flow } from '../flows/flow.ts';
import type { SlotKind } from '../flows/flow-schema.ts';
import { formatSlotValue } from '../guardrails/format-slot-value.ts';
import { labelSlotName } from './build-template-fields.ts';
import type { BotOutcome, SlotValue } from './reply-engine.ts';

const maxPartLength = 80;

/**
 * Writes the collected slots as one line for staff, in the order the flow asks for them:
 * "Ana Ruiz · water heater is leaking · ZIP 60614 · Wed, Mar 5 at 3 PM · urgency: emergency".
 * Names, needs and addresses stand alone; other slots carry their name as a label.
 */
export function buildLeadSummary(flow: Flow, slots: Readonly<Record<string, SlotValue>>): string {
  const parts: string[] = [];
  for (const [name, kind] of flow.slots) {
    const label = slots[labelSlotName(name)];
    const text = formatSlotValue(slots[name], { kind, label, maxLength: maxPartLength });
    if (text === null || text === '') {
      continue;
    }
    parts.push(describeSlot(name, kind, text, flow));
  }
  return parts.join(' · ');
}

const inProgressHeading = 'In progress';
const outcomeHeadings: Record<BotOutcome, string> = {
  qualified: 'Qualified',
  needs_human: 'Needs a person',
  discarded: 'Discarded',
};
const headings = [inProgressHeading, ...Object.values(outcomeHeadings)].join('|');
// A heading, its optional "(reason)" and the ": " before the details.
const headingPattern = new RegExp(`^(?:${headings})(?: \\([^)]*\\))?(?:: |$)`);

/** Puts the outcome in front of a summary: "Needs a person (emergency): Ana · burst pipe". */
export function addOutcomeToSummary(
  summary: string,
  outcome: BotOutcome | null,
  reason: string | null,
): string {
  const heading = outcome === null ? inProgressHeading : outcomeHeadings[outcome];
  const withReason = reason ? `${heading} (${reason})` : heading;
  return summary === '' ? withReason : `${withReason}: ${summary}`;
}

/**
 * Replaces the outcome in front of a summary that `addOutcomeToSummary` wrote, so "In progress:
 * Ana · burst pipe" becomes "Discarded (Opted out): Ana · burst pipe". A null summary gets the
 * heading alone.
 */
export function replaceSummaryOutcome(
  summary: string | null,
  outcome: BotOutcome | null,
  reason: string | null,
): string {
  const details = (summary ?? '').replace(headingPattern, '');
  return addOutcomeToSummary(details, outcome, reason);
}

function describeSlot(name: string, kind: SlotKind | null, text: string, flow: Flow): string {
  switch (kind) {
    case 'name':
    case 'text':
    case 'address':
    case 'email':
    case 'datetime':
      return text;
    case 'zip':
      return `ZIP ${text}`;
    case 'choice':
      return `${readable(name)}: ${choiceLabel(flow, name, text)}`;
    default:
      return `${readable(name)}: ${text}`;
  }
}

function choiceLabel(flow: Flow, slot: string, value: string): string {
  for (const step of flow.steps.values()) {
    if (step.type === 'ask' && step.slot === slot) {
      return step.choices?.find((choice) => choice.value === value)?.label ?? value;
    }
  }
  return value;
}

function readable(name: string): string {
  return name.replace(/_/g, ' ');
}
