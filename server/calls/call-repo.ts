import { and, asc, desc, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { Database } from '../db/open-database.ts';
import { calls } from '../db/schema.ts';
import type { CallVerdict } from './call-webhook-schema.ts';

export type CallStatus = 'ringing' | 'answered' | 'missed' | 'unknown';

export interface Call {
  id: string;
  businessId: string;
  callSid: string;
  contactId: string | null;
  conversationId: string | null;
  callerNumber: string | null;
  status: CallStatus;
  dialStatus: string | null;
  textBackStatus: string | null;
  textBackReason: string | null;
  durationSeconds: number | null;
  verdict: CallVerdict | null;
  answeredBy: string | null;
  forwardedFrom: string | null;
  /** True once the business's phone pressed the key that accepts a screened call. */
  isScreenAccepted: boolean;
  endedAt: Date | null;
  createdAt: Date;
}

const callColumns = {
  id: calls.id,
  businessId: calls.businessId,
  callSid: calls.callSid,
  contactId: calls.contactId,
  conversationId: calls.conversationId,
  callerNumber: calls.callerNumber,
  status: calls.status,
  dialStatus: calls.dialStatus,
  textBackStatus: calls.textBackStatus,
  textBackReason: calls.textBackReason,
  durationSeconds: calls.durationSeconds,
  verdict: calls.verdict,
  answeredBy: calls.answeredBy,
  forwardedFrom: calls.forwardedFrom,
  isScreenAccepted: calls.isScreenAccepted,
  endedAt: calls.endedAt,
  createdAt: calls.createdAt,
};

/** Returns the call for a CallSid, recording it first if this is the first webhook about it. */
export async function findOrCreateCall(
  db: Database,
  call: { businessId: string; callSid: string; callerNumber: string | null; at: Date },
): Promise<Call> {
  const { at, ...values } = call;
  // The no-op update makes RETURNING yield the existing row too, in one round trip.
  const rows = await db
    .insert(calls)
    .values({ ...values, createdAt: at, updatedAt: at })
    .onConflictDoUpdate({ target: calls.callSid, set: { callSid: sql`excluded.call_sid` } })
    .returning(callColumns);
  return rows[0] as Call;
}

/**
 * Records the call's verdict unless one is recorded already. Returns the updated call to the
 * one webhook that decided it, and null to every later or concurrent one.
 */
export async function decideCall(
  db: Database,
  id: string,
  decision: { status: CallStatus; verdict: CallVerdict; dialStatus: string | null; durationSeconds: number | null },
): Promise<Call | null> {
  const rows = await db
    .update(calls)
    .set({ ...decision, updatedAt: new Date() })
    .where(and(eq(calls.id, id), eq(calls.status, 'ringing')))
    .returning(callColumns);
  return (rows[0] as Call | undefined) ?? null;
}

/** Records that the business's phone accepted a screened call; false for an unknown CallSid. */
export async function markScreenAccepted(db: Database, callSid: string): Promise<boolean> {
  const rows = await db
    .update(calls)
    .set({ isScreenAccepted: true, updatedAt: new Date() })
    .where(eq(calls.callSid, callSid))
    .returning({ id: calls.id });
  return rows.length === 1;
}

export async function findCallBySid(db: Database, callSid: string): Promise<Call | null> {
  const rows = await db.select(callColumns).from(calls).where(eq(calls.callSid, callSid)).limit(1);
  return (rows[0] as Call | undefined) ?? null;
}

/** Lists calls that ended with no verdict before `endedBefore`, or began before `startedBefore`. */
export async function listUndecidedCalls(
  db: Database,
  cutoffs: { endedBefore: Date; startedBefore: Date },
): Promise<Call[]> {
  const rows = await db
    .select(callColumns)
    .from(calls)
    .where(
      and(
        eq(calls.status, 'ringing'),
        or(lte(calls.endedAt, cutoffs.endedBefore), lte(calls.createdAt, cutoffs.startedBefore)),
      ),
    )
    .orderBy(asc(calls.createdAt))
    .limit(500);
  return rows as Call[];
}

export async function updateCall(
  db: Database,
  id: string,
  changes: Partial<
    Pick<
      Call,
      | 'status'
      | 'dialStatus'
      | 'contactId'
      | 'conversationId'
      | 'textBackStatus'
      | 'textBackReason'
      | 'durationSeconds'
      | 'endedAt'
      | 'answeredBy'
      | 'forwardedFrom'
    >
  >,
): Promise<void> {
  await db
    .update(calls)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(calls.id, id));
}

/**
 * Marks the call's text back as in progress unless another webhook already has. Only the
 * caller that gets `true` goes on to decide and send, which keeps retried webhooks to one text.
 */
export async function claimTextBack(db: Database, id: string): Promise<boolean> {
  const rows = await db
    .update(calls)
    .set({ textBackStatus: 'pending', updatedAt: new Date() })
    .where(and(eq(calls.id, id), isNull(calls.textBackStatus)))
    .returning({ id: calls.id });
  return rows.length === 1;
}

export async function listCallsForContact(db: Database, contactId: string): Promise<Call[]> {
  const rows = await db
    .select(callColumns)
    .from(calls)
    .where(eq(calls.contactId, contactId))
    .orderBy(desc(calls.createdAt))
    .limit(50);
  return rows as Call[];
}

export async function listCallsForConversation(db: Database, conversationId: string): Promise<Call[]> {
  const rows = await db
    .select(callColumns)
    .from(calls)
    .where(eq(calls.conversationId, conversationId))
    .orderBy(desc(calls.createdAt))
    .limit(50);
  return rows as Call[];
}

export async function listCallsByCaller(
  db: Database,
  businessId: string,
  callerNumber: string,
): Promise<Call[]> {
  const rows = await db
    .select(callColumns)
    .from(calls)
    .where(and(eq(calls.businessId, businessId), eq(calls.callerNumber, callerNumber)))
    .orderBy(desc(calls.createdAt))
    .limit(50);
  return rows as Call[];
}


/** Lists calls whose text back was claimed but never decided, such as after a crash. */
export async function listPendingTextBacks(db: Database, since: Date): Promise<Call[]> {
  return db
    .select(callColumns)
    .from(calls)
    .where(and(eq(calls.textBackStatus, 'pending'), gte(calls.createdAt, since)))
    .orderBy(asc(calls.createdAt))
    .limit(1000);
}
