import { eq, lt } from 'drizzle-orm';
import type { Database } from '../db/open-database.ts';
import { botTurnLeases } from '../db/schema.ts';

/**
 * Takes the conversation's turn lease until `now + leaseMs`. Returns false while another turn,
 * in this process or another one, holds an unexpired lease.
 */
export async function claimBotTurn(db: Database, conversationId: string, now: Date, leaseMs: number): Promise<boolean> {
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
  return rows.length === 1;
}

export async function releaseBotTurn(db: Database, conversationId: string): Promise<void> {
  await db.delete(botTurnLeases).where(eq(botTurnLeases.conversationId, conversationId));
}
