import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/open-database.ts';
import { contacts } from '../db/schema.ts';
import type { LineType } from '../providers/sms-provider.ts';

export interface Contact {
  id: string;
  businessId: string;
  phone: string;
  name: string | null;
  email: string | null;
  isOptedOut: boolean;
  optedOutAt: Date | null;
  optOutKeyword: string | null;
  /** False once a carrier reported the number cannot take texts. */
  isTextable: boolean;
  notTextableReason: string | null;
  lineType: LineType | null;
  lineTypeCheckedAt: Date | null;
}

const contactColumns = {
  id: contacts.id,
  businessId: contacts.businessId,
  phone: contacts.phone,
  name: contacts.name,
  email: contacts.email,
  isOptedOut: contacts.isOptedOut,
  optedOutAt: contacts.optedOutAt,
  optOutKeyword: contacts.optOutKeyword,
  isTextable: contacts.isTextable,
  notTextableReason: contacts.notTextableReason,
  lineType: contacts.lineType,
  lineTypeCheckedAt: contacts.lineTypeCheckedAt,
};

/** Returns the business's contact for an E.164 number, creating it on first contact. */
export async function findOrCreateContact(
  db: Database,
  businessId: string,
  phone: string,
): Promise<Contact> {
  // The no-op update makes RETURNING yield the existing row too, in one round trip.
  const rows = await db
    .insert(contacts)
    .values({ businessId, phone })
    .onConflictDoUpdate({ target: [contacts.businessId, contacts.phone], set: { phone: sql`excluded.phone` } })
    .returning(contactColumns);
  return rows[0] as Contact;
}

export async function findContactByPhone(
  db: Database,
  businessId: string,
  phone: string,
): Promise<Contact | null> {
  const rows = await db
    .select(contactColumns)
    .from(contacts)
    .where(and(eq(contacts.businessId, businessId), eq(contacts.phone, phone)))
    .limit(1);
  return rows[0] ?? null;
}

export async function findContactById(db: Database, id: string): Promise<Contact | null> {
  const rows = await db.select(contactColumns).from(contacts).where(eq(contacts.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function setContactOptOut(
  db: Database,
  id: string,
  optOut: { isOptedOut: boolean; keyword: string; at: Date },
): Promise<void> {
  await db
    .update(contacts)
    .set({
      isOptedOut: optOut.isOptedOut,
      optedOutAt: optOut.isOptedOut ? optOut.at : null,
      optOutKeyword: optOut.keyword,
      updatedAt: optOut.at,
    })
    .where(eq(contacts.id, id));
}

export async function updateContactLineType(
  db: Database,
  id: string,
  lineType: { lineType: LineType; checkedAt: Date },
): Promise<void> {
  await db
    .update(contacts)
    .set({ lineType: lineType.lineType, lineTypeCheckedAt: lineType.checkedAt })
    .where(eq(contacts.id, id));
}

/** Stops all texts to a number a carrier reported unreachable, until a person clears it. */
export async function markContactNotTextable(db: Database, id: string, reason: string): Promise<void> {
  await db
    .update(contacts)
    .set({ isTextable: false, notTextableReason: reason, updatedAt: new Date() })
    .where(eq(contacts.id, id));
}

export async function updateContactDetails(
  db: Database,
  id: string,
  details: { name?: string; email?: string },
): Promise<void> {
  if (details.name === undefined && details.email === undefined) {
    return;
  }
  await db
    .update(contacts)
    .set({ ...details, updatedAt: new Date() })
    .where(eq(contacts.id, id));
}
