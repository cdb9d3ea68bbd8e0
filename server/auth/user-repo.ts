import { and, asc, count, eq } from 'drizzle-orm';
import type { Database } from '../db/open-database.ts';
import { users } from '../db/schema.ts';
import type { Role, User } from './user.ts';

const userColumns = {
  id: users.id,
  businessId: users.businessId,
  email: users.email,
  name: users.name,
  role: users.role,
  createdAt: users.createdAt,
};

export interface NewUser {
  businessId: string;
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
}

/** Stores a user; returns null when the e-mail address is already taken. */
export async function createUser(db: Database, user: NewUser): Promise<User | null> {
  const rows = await db
    .insert(users)
    .values({ ...user, email: user.email.toLowerCase() })
    .onConflictDoNothing()
    .returning(userColumns);
  return rows[0] ?? null;
}

/** Finds a user with the password hash, for logging in. */
export async function findUserForLogin(
  db: Database,
  email: string,
): Promise<(User & { passwordHash: string }) | null> {
  const rows = await db
    .select({ ...userColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, email.toLowerCase()))
    .limit(1);
  return rows[0] ?? null;
}

/** Returns a user's password hash, to check the current password before changing it. */
export async function findPasswordHash(db: Database, userId: string): Promise<string | null> {
  const rows = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return rows[0]?.passwordHash ?? null;
}

/** Finds a user of one business; another business's user id returns null. */
export async function findUserInBusiness(
  db: Database,
  businessId: string,
  userId: string,
): Promise<User | null> {
  const rows = await db
    .select(userColumns)
    .from(users)
    .where(and(eq(users.id, userId), eq(users.businessId, businessId)))
    .limit(1);
  return rows[0] ?? null;
}

export async function listUsers(db: Database, businessId: string): Promise<User[]> {
  return db
    .select(userColumns)
    .from(users)
    .where(eq(users.businessId, businessId))
    .orderBy(asc(users.createdAt));
}

export async function countUsers(db: Database): Promise<number> {
  const rows = await db.select({ total: count() }).from(users);
  return rows[0]?.total ?? 0;
}

export async function countOwners(db: Database, businessId: string): Promise<number> {
  const rows = await db
    .select({ total: count() })
    .from(users)
    .where(and(eq(users.businessId, businessId), eq(users.role, 'owner')));
  return rows[0]?.total ?? 0;
}

export async function updateUser(
  db: Database,
  userId: string,
  changes: Partial<{ name: string; role: Role; passwordHash: string }>,
): Promise<User | null> {
  const rows = await db
    .update(users)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(users.id, userId))
    .returning(userColumns);
  return rows[0] ?? null;
}

/** Deletes a user; their sessions and read marks go with them, their notes stay unsigned. */
export async function deleteUser(db: Database, userId: string): Promise<void> {
  await db.delete(users).where(eq(users.id, userId));
}
