import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lte, ne } from 'drizzle-orm';
import type { Database } from '../db/open-database.ts';
import { sessions, users } from '../db/schema.ts';
import type { User } from './user.ts';

/** How long a login lasts; logging in again starts a new session. */
export const sessionLifetimeMs = 14 * 24 * 60 * 60 * 1000;

export interface SessionUser {
  sessionId: string;
  user: User;
}

/** Starts a session and returns the token for the cookie; only its hash is stored. */
export async function createSession(
  db: Database,
  userId: string,
  now: Date,
): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + sessionLifetimeMs);
  const rows = await db
    .insert(sessions)
    .values({ userId, tokenHash: hashToken(token), expiresAt })
    .returning({ id: sessions.id });
  await db.delete(sessions).where(lte(sessions.expiresAt, now));
  return { token, sessionId: (rows[0] as { id: string }).id, expiresAt };
}

/** Returns the user of an unexpired session token, or null. */
export async function findSessionUser(
  db: Database,
  token: string,
  now: Date,
): Promise<SessionUser | null> {
  const rows = await db
    .select({
      sessionId: sessions.id,
      id: users.id,
      businessId: users.businessId,
      email: users.email,
      name: users.name,
      role: users.role,
      createdAt: users.createdAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, now)))
    .limit(1);
  const row = rows[0];
  if (!row) {
    return null;
  }
  const { sessionId, ...user } = row;
  return { sessionId, user };
}

export async function deleteSession(db: Database, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function deleteSessionsOfUser(db: Database, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Ends every session of a user except `keptSessionId`, and returns the ids of those ended. */
export async function deleteOtherSessionsOfUser(
  db: Database,
  userId: string,
  keptSessionId: string,
): Promise<string[]> {
  const rows = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.id, keptSessionId)))
    .returning({ id: sessions.id });
  return rows.map((row) => row.id);
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
