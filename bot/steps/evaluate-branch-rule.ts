import type { SlotValue } from '../engine/reply-engine.ts';
import type { BranchRule } from '../flows/flow-schema.ts';
import { mentionsEmergency } from '../understanding/mentions-emergency.ts';
import { containsPhrase } from '../understanding/simplify-text.ts';

/**
 * Tests one branch rule against the slots. String comparisons ignore case and surrounding
 * spaces, and an empty slot matches only `filled: false`.
 */
export function evaluateBranchRule(
  rule: BranchRule,
  slots: Readonly<Record<string, SlotValue>>,
): boolean {
  const value = slots[rule.slot];
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
