import type { Business } from '../businesses/business.ts';
import { findContactByPhone } from '../contacts/contact-repo.ts';
import type { Database } from '../db/open-database.ts';
import { parseCallerId } from '../lib/phone-number.ts';

/**
 * Returns whether a missed caller may hear that a text is coming: text back is on, the caller ID is
 * a real number, and the contact can still be texted. Cooldown, daily cap and landline lookup are
 * checked later by the text back, so the promise can still go unkept on those grounds.
 */
export async function canTextCaller(db: Database, business: Business, callerNumber: string | null): Promise<boolean> {
  if (!business.textBackEnabled) {
    return false;
  }
  const callerId = parseCallerId(callerNumber ?? undefined);
  if (callerId.kind !== 'number') {
    return false;
  }
  const contact = await findContactByPhone(db, business.id, callerId.e164);
  return !contact || (!contact.isOptedOut && contact.isTextable);
}
