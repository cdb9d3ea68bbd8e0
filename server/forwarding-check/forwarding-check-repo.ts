import { and, desc, eq, lte } from 'drizzle-orm';
import type { Database } from '../db/open-database.ts';
import { forwardingChecks } from '../db/schema.ts';

export type ForwardingCheckStatus = 'pending' | 'passed' | 'failed';

export interface ForwardingCheck {
  id: string;
  businessId: string;
  status: ForwardingCheckStatus;
  carrierNumber: string;
  outboundCallSid: string | null;
  forwardedCallSid: string | null;
  /** The reason the check failed, in words the owner can act on, or null unless it failed. */
  failureReason: string | null;
  startedAt: Date;
  expiresAt: Date;
  finishedAt: Date | null;
}

const columns = {
  id: forwardingChecks.id,
  businessId: forwardingChecks.businessId,
  status: forwardingChecks.status,
  carrierNumber: forwardingChecks.carrierNumber,
  outboundCallSid: forwardingChecks.outboundCallSid,
  forwardedCallSid: forwardingChecks.forwardedCallSid,
  failureReason: forwardingChecks.failureReason,
  startedAt: forwardingChecks.startedAt,
  expiresAt: forwardingChecks.expiresAt,
  finishedAt: forwardingChecks.finishedAt,
};

export async function createForwardingCheck(
  db: Database,
  input: { businessId: string; carrierNumber: string; startedAt: Date; expiresAt: Date },
): Promise<ForwardingCheck> {
  const rows = await db.insert(forwardingChecks).values(input).returning(columns);
  return rows[0] as ForwardingCheck;
}

/** Finds the business's most recent check, whatever its status. */
export async function findLatestForwardingCheck(
  db: Database,
  businessId: string,
): Promise<ForwardingCheck | null> {
  const rows = await db
    .select(columns)
    .from(forwardingChecks)
    .where(eq(forwardingChecks.businessId, businessId))
    .orderBy(desc(forwardingChecks.startedAt))
    .limit(1);
  return rows[0] ?? null;
}

/** Finds the business's pending check, whether or not its time is up. */
export async function findPendingForwardingCheck(
  db: Database,
  businessId: string,
): Promise<ForwardingCheck | null> {
  const rows = await db
    .select(columns)
    .from(forwardingChecks)
    .where(and(eq(forwardingChecks.businessId, businessId), eq(forwardingChecks.status, 'pending')))
    .orderBy(desc(forwardingChecks.startedAt))
    .limit(1);
  return rows[0] ?? null;
}

/** Checks whether `callSid` is a forwarded test call that already passed a check. */
export async function isForwardedCheckCall(db: Database, callSid: string): Promise<boolean> {
  const rows = await db
    .select({ id: forwardingChecks.id })
    .from(forwardingChecks)
    .where(eq(forwardingChecks.forwardedCallSid, callSid))
    .limit(1);
  return rows.length > 0;
}

export async function setOutboundCallSid(
  db: Database,
  id: string,
  outboundCallSid: string,
): Promise<void> {
  await db.update(forwardingChecks).set({ outboundCallSid }).where(eq(forwardingChecks.id, id));
}

export type ForwardingCheckOutcome =
  | { status: 'passed'; forwardedCallSid: string }
  | { status: 'failed'; failureReason: string };

/**
 * Moves a pending check to its outcome. Returns the finished check, or null when it had already
 * finished, so a forwarded call and the timeout racing each other decide it once.
 */
export async function finishForwardingCheck(
  db: Database,
  id: string,
  outcome: ForwardingCheckOutcome,
  at: Date,
): Promise<ForwardingCheck | null> {
  const rows = await db
    .update(forwardingChecks)
    .set({ ...outcome, finishedAt: at })
    .where(and(eq(forwardingChecks.id, id), eq(forwardingChecks.status, 'pending')))
    .returning(columns);
  return rows[0] ?? null;
}

/** Pending checks whose time ran out at or before `now`. */
export async function listExpiredForwardingChecks(
  db: Database,
  now: Date,
): Promise<ForwardingCheck[]> {
  return db
    .select(columns)
    .from(forwardingChecks)
    .where(and(eq(forwardingChecks.status, 'pending'), lte(forwardingChecks.expiresAt, now)));
}
