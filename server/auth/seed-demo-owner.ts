import type { Database } from '../db/open-database.ts';
import type { Business } from '../businesses/business.ts';
import { hashPassword } from './hash-password.ts';
import { countUsers, createUser } from './user-repo.ts';

export const demoOwnerEmail = 'owner@example.com';

/**
 * Creates the demo business's owner when no user exists at all, so a first sandbox start can
 * be logged in to. Returns the login to print, or null when users already exist.
 */
export async function seedDemoOwner(
  db: Database,
  business: Business,
  password: string,
): Promise<{ email: string; password: string } | null> {
  if ((await countUsers(db)) > 0) {
    return null;
  }
  const user = await createUser(db, {
    businessId: business.id,
    email: demoOwnerEmail,
    name: 'Demo Owner',
    role: 'owner',
    passwordHash: await hashPassword(password),
  });
  return user ? { email: demoOwnerEmail, password } : null;
}
