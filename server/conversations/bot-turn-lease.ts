import { and, eq, lt } from 'drizzle-orm';
import type { Database } from '../db/open-database.ts';
import { botTurnLeases } from '../db/schema.ts';

/**
 * Takes the conversation's turn lease until `now + leaseMs`. Returns the lease's expiry, which
 * releasing it needs, or null while another turn, in this process or another one, holds an
 * unexpired lease.
 */
export async function claimBotTurn(db: Database, conversationId: string, now: Date, leaseMs: number): Promise<Date | null> {
  const leasedUntil = new Date(now.getTime() + leaseMs);
  const rows = await db
    .insert(botTurnLeases)
    .values({ conversationId, leasedUntil })
    .onConflictDoUpdate({
      target: botTurnLeases.conversationId,
      set: { leasedUntil },
      setWhere: lt(botTurnLeases.leasedUntil, now),
    })
    .returning({ conversationId: botTurnLeases.conversationId });
  return rows.length === 1 ? leasedUntil : null;
}

/** Releases the lease taken at `leasedUntil`; a lease another turn took after it expired stays. */
export async function releaseBotTurn(db: Database, conversationId: string, leasedUntil: Date): Promise<void> {
  await db
    .delete(botTurnLeases)
    .where(and(eq(botTurnLeases.conversationId, conversationId), eq(botTurnLeases.leasedUntil, leasedUntil)));
}
