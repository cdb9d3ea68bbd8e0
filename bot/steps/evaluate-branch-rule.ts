import type { SlotValue } from '../engine/reply-engine.ts';
import type { BranchRule } from '../flows/flow-schema.ts';
import { mentionsEmergency } from '../understanding/mentions-emergency.ts';
import { containsPhrase } from '../understanding/simplify-text.ts';

/**
 * Tests one branch rule against the slots, or against the business hours for `open_now`. String
 * comparisons ignore case and surrounding spaces, an empty slot matches only `filled: false`, and
 * `zip_in` entries match a ZIP code in full or as a prefix ("606" covers 60614).
 */
export function evaluateBranchRule(
  rule: BranchRule,
  slots: Readonly<Record<string, SlotValue>>,
  facts: { openNow: boolean },
): boolean {
  if (rule.open_now !== undefined) {
    return rule.open_now === facts.openNow;
  }
  const value = rule.slot === undefined ? undefined : slots[rule.slot];
  const isFilled = value !== undefined && value !== null && value !== '';
  if (rule.filled !== undefined) {
    return rule.filled === isFilled;
  }
  if (!isFilled) {
    return false;
  }
  if (rule.equals !== undefined) {
    return isSameValue(value, rule.equals);
  }
  if (rule.one_of !== undefined) {
    return rule.one_of.some((candidate) => isSameValue(value, candidate));
  }
  if (rule.mentions === 'emergency') {
    return mentionsEmergency(String(value));
  }
  if (rule.zip_in !== undefined) {
    const zip = String(value).trim();
    return rule.zip_in.some((area) => zip.startsWith(area));
  }
  if (rule.contains_any !== undefined) {
    return rule.contains_any.some((phrase) => containsPhrase(String(value), phrase));
  }
  return false;
}

function isSameValue(value: SlotValue, expected: string | number | boolean): boolean {
  if (typeof value === 'string' && typeof expected === 'string') {
    return value.trim().toLowerCase() === expected.trim().toLowerCase();
  }
  if (typeof value === 'boolean' && typeof expected === 'string') {
    return ['yes', 'true'].includes(expected.toLowerCase()) === value;
  }
  return value === expected;
}
