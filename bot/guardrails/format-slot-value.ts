import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { SlotValue } from '../engine/reply-engine.ts';
import type { SlotKind } from '../flows/flow-schema.ts';

export interface FormatSlotValueOptions {
  kind: SlotKind | null;
  /** The stored label of a datetime slot, shown in place of its ISO value. */
  label?: SlotValue;
  maxLength: number;
}

/**
 * Turns a slot into text for a reply. The lead wrote most slot values, so control characters and
 * braces are removed, spaces collapsed and the result cut to `maxLength` characters.
 */
export function formatSlotValue(
  value: SlotValue | undefined,
  options: FormatSlotValueOptions,
): string | null {
  if (value === null || value === undefined) {
    return null;
  }
  let text: string;
  if (options.kind === 'datetime' && typeof options.label === 'string') {
    text = options.label;
  } else if (typeof value === 'boolean') {
    text = value ? 'yes' : 'no';
  } else if (options.kind === 'phone' && typeof value === 'string') {
    text = parsePhoneNumberFromString(value, 'US')?.formatNational() ?? value;
  } else {
    text = String(value);
  }
  const cleaned = text.replace(/[\p{Cc}{}]/gu, ' ').replace(/\s+/g, ' ').trim();
  if (cleaned.length <= options.maxLength) {
    return cleaned;
  }
  return `${cleaned.slice(0, options.maxLength - 3).trimEnd()}...`;
}
