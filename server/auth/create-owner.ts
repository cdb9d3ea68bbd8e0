import type { Database } from '../db/open-database.ts';
import { findBusinessById, findBusinessByNumber } from '../businesses/business-repo.ts';
import type { Business } from '../businesses/business.ts';
import { toE164 } from '../lib/phone-number.ts';
import { hashPassword } from './hash-password.ts';
import { emailSchema, passwordSchema } from './user.ts';
import type { User } from './user.ts';
import { createUser } from './user-repo.ts';

export interface CreateOwnerOptions {
  email: string;
  password: string;
  /** The business's id, or its textback number in any format libphonenumber reads. */
  business: string;
  name?: string;
}

export type CreateOwnerResult =
  | { ok: true; user: User; business: Business }
  | { ok: false; message: string };

/** Creates an owner account for an existing business, as the first login for it. */
export async function createOwner(db: Database, options: CreateOwnerOptions): Promise<CreateOwnerResult> {
  const email = emailSchema.safeParse(options.email);
  if (!email.success) {
    return { ok: false, message: `Invalid e-mail address "${options.email}"` };
  }
  const password = passwordSchema.safeParse(options.password);
  if (!password.success) {
    return { ok: false, message: password.error.issues[0]?.message ?? 'Invalid password' };
  }
  const business = await findBusiness(db, options.business);
  if (!business) {
    return { ok: false, message: `No business has the id or number "${options.business}"` };
  }
  const user = await createUser(db, {
    businessId: business.id,
    email: email.data,
    name: options.name?.trim() || email.data.split('@')[0] || email.data,
    role: 'owner',
    passwordHash: await hashPassword(password.data),
  });
  if (!user) {
    return { ok: false, message: `Someone already uses ${email.data}` };
  }
  return { ok: true, user, business };
}

async function findBusiness(db: Database, reference: string): Promise<Business | null> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(reference);
  if (isUuid) {
    return findBusinessById(db, reference);
  }
  const phone = toE164(reference);
  return phone ? findBusinessByNumber(db, phone) : null;
}
