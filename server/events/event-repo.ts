import { asc, eq, inArray, or } from 'drizzle-orm';
import type { Database } from '../db/open-database.ts';
import { calls, events } from '../db/schema.ts';

export interface NewEvent {
  businessId: string;
  conversationId?: string | null;
  callId?: string | null;
  type: string;
  data?: Record<string, unknown>;
}

/** Appends to the event log that owners read to see what happened and why. */
export async function recordEvent(db: Database, event: NewEvent): Promise<void> {
  await db.insert(events).values({
    businessId: event.businessId,
    conversationId: event.conversationId ?? null,
    callId: event.callId ?? null,
    type: event.type,
    data: event.data ?? {},
  });
}

export interface StoredEvent {
  id: number;
  type: string;
  callId: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
}

/** Lists a conversation's events, including those of its calls recorded before it opened. */
export async function listEvents(db: Database, conversationId: string): Promise<StoredEvent[]> {
  const callIds = db.select({ id: calls.id }).from(calls).where(eq(calls.conversationId, conversationId));
  const rows = await db
    .select({
      id: events.id,
      type: events.type,
      callId: events.callId,
      data: events.data,
      createdAt: events.createdAt,
    })
    .from(events)
    .where(or(eq(events.conversationId, conversationId), inArray(events.callId, callIds)))
    .orderBy(asc(events.id))
    .limit(1000);
  return rows.map((row) => ({ ...row, data: row.data as Record<string, unknown> }));
}
