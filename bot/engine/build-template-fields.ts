import { firstNameOf } from '../templates/render-template.ts';
import type { TemplateFields } from '../templates/render-template.ts';
import { formatSlotValue } from '../guardrails/format-slot-value.ts';
import type { Flow } from '../flows/flow.ts';
import type { ConversationContext, SlotValue } from './reply-engine.ts';

/**
 * Collects the values a flow template may use. A `name` slot collected in this conversation
 * takes precedence over the stored contact name, which may be missing or out of date.
 */
export function buildTemplateFields(
  flow: Flow,
  context: ConversationContext,
  slots: Record<string, SlotValue>,
): TemplateFields {
  const maxLength = flow.settings.slot_max_length;
  const slotName = formatSlotValue(slots.name, { kind: 'name', maxLength });
  const contactName = slotName ?? context.contact.name;
  const fields: TemplateFields = {
    'business.name': context.business.name,
    'business.phone': context.business.phoneNumber,
    'business.booking_link': context.business.bookingLink,
    'contact.first_name': firstNameOf(contactName),
    'contact.name': contactName,
    'contact.phone': context.contact.phone,
  };
  for (const [name, kind] of flow.slots) {
    const label = slots[labelSlotName(name)];
    fields[`slots.${name}`] = formatSlotValue(slots[name], { kind, label, maxLength });
  }
  return fields;
}

/** Returns the name of the slot that stores a datetime slot's label: `preferred_time_label`. */
export function labelSlotName(slotName: string): string {
  return `${slotName}_label`;
}
