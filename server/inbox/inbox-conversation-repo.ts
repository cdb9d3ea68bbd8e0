import { and, eq, ne } from 'drizzle-orm';
import type { BotState } from '../../bot/engine/reply-engine.ts';
import type { Database } from '../db/open-database.ts';
import { conversations } from '../db/schema.ts';
import { findConversationById } from '../conversations/conversation-repo.ts';
import type { Conversation } from '../conversations/conversation-repo.ts';

export type InboxConversation = Conversation & { assigneeId: string | null };

/**
 * Finds a conversation only if it belongs to `businessId`. Every inbox route reads through
 * here, so an id from another business is indistinguishable from an unknown one.
 */
export async function findConversationInBusiness(
  db: Database,
  businessId: string,
  conversationId: string,
): Promise<InboxConversation | null> {
  const conversation = await findConversationById(db, conversationId);
  if (!conversation || conversation.businessId !== businessId) {
    return null;
  }
  const rows = await db
    .select({ assigneeId: conversations.assigneeId })
    .from(conversations)
    .where(eq(conversations.id, conversationId))
    .limit(1);
  return { ...conversation, assigneeId: rows[0]?.assigneeId ?? null };
}

export type InboxChanges = Partial<{
  holder: 'bot' | 'human';
  status: 'open' | 'closed';
  outcome: string | null;
  outcomeReason: string | null;
  botState: BotState | null;
  assigneeId: string | null;
  attentionReason: string | null;
}>;

export async function updateInboxConversation(
  db: Database,
  conversationId: string,
  changes: InboxChanges,
): Promise<void> {
  await db
    .update(conversations)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(conversations.id, conversationId));
}

/** Tells whether the contact has an open conversation other than `conversationId`. */
export async function hasOtherOpenConversation(
  db: Database,
  contactId: string,
  conversationId: string,
): Promise<boolean> {
  const rows = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(
      and(
        eq(conversations.contactId, contactId),
        eq(conversations.status, 'open'),
        ne(conversations.id, conversationId),
      ),
    )
    .limit(1);
  return rows.length > 0;
}
