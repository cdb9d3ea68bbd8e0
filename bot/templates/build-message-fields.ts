import { firstNameOf } from './render-template.ts';
import type { TemplateFields } from './render-template.ts';

export interface MessageFieldSources {
  business: { name: string; phoneNumber: string; bookingLink: string | null };
  contact: { name: string | null; phone: string };
}

/** Collects the template fields of automated texts (the opening message, nudges) in one place. */
export function buildMessageFields(sources: MessageFieldSources): TemplateFields {
  return {
    'business.name': sources.business.name,
    'business.phone': sources.business.phoneNumber,
    'business.booking_link': sources.business.bookingLink,
    'contact.name': sources.contact.name,
    'contact.first_name': firstNameOf(sources.contact.name),
    'contact.phone': sources.contact.phone,
  };
}
