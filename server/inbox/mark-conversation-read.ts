import { sql } from 'drizzle-orm';
import type { Database } from '../db/open-database.ts';
import { conversationReads } from '../db/schema.ts';

/**
 * Records that a user has seen a conversation up to now. The database clock is used, because
 * message times come from it too and unread counts compare the two.
 */
export async function markConversationRead(
  db: Database,
  userId: string,
  conversationId: string,
): Promise<void> {
  await db
    .insert(conversationReads)
    .values({ userId, conversationId, readAt: sql`now()` })
    .onConflictDoUpdate({
      target: [conversationReads.userId, conversationReads.conversationId],
      set: { readAt: sql`now()` },
    });
}
