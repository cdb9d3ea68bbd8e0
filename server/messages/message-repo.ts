import { and, asc, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { Database } from '../db/open-database.ts';
import { conversations, messages } from '../db/schema.ts';
import { isStatusAdvance, messageStatuses } from '../providers/sms-provider.ts';
import type { MessageStatus } from '../providers/sms-provider.ts';

export interface MediaAttachment {
  url: string;
  contentType: string;
}

export interface Message {
  id: string;
  businessId: string;
  conversationId: string;
  direction: 'inbound' | 'outbound';
  author: 'lead' | 'bot' | 'staff' | 'system';
  body: string;
  status: MessageStatus;
  providerId: string | null;
  segments: number;
  errorCode: string | null;
  errorMessage: string | null;
  media: MediaAttachment[];
  createdAt: Date;
}

type MessageRow = typeof messages.$inferSelect;
export type NewMessage = Omit<Message, 'id' | 'createdAt' | 'errorCode' | 'errorMessage'> & {
  createdAt?: Date;
};

/**
 * Stores a message. Returns null when a message with the same provider id is already stored,
 * which is how a retried inbound webhook is recognised.
 */
export async function insertMessage(db: Database, message: NewMessage): Promise<Message | null> {
  const rows = await db.insert(messages).values(message).onConflictDoNothing().returning();
  return rows[0] ? toMessage(rows[0]) : null;
}

export async function updateMessage(
  db: Database,
  id: string,
  changes: Partial<Pick<Message, 'status' | 'providerId' | 'errorCode' | 'errorMessage'>>,
): Promise<void> {
  await db
    .update(messages)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(messages.id, id));
}

/** Sets the status unless the message already has this status or a later one. */
export async function advanceMessageStatus(db: Database, id: string, status: MessageStatus): Promise<void> {
  const earlier = messageStatuses.filter((current) => isStatusAdvance(current, status));
  if (earlier.length === 0) {
    return;
  }
  await db
    .update(messages)
    .set({ status, updatedAt: new Date() })
    .where(and(eq(messages.id, id), inArray(messages.status, earlier)));
}

export async function findMessageById(db: Database, id: string): Promise<Message | null> {
  const rows = await db.select().from(messages).where(eq(messages.id, id)).limit(1);
  return rows[0] ? toMessage(rows[0]) : null;
}

export async function findMessageByProviderId(
  db: Database,
  providerId: string,
): Promise<Message | null> {
  const rows = await db.select().from(messages).where(eq(messages.providerId, providerId)).limit(1);
  return rows[0] ? toMessage(rows[0]) : null;
}

/** Lists the lead's texts that no bot turn has read yet, oldest first. */
export async function listUnreadByBot(db: Database, conversationId: string): Promise<Message[]> {
  const rows = await db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, conversationId),
        eq(messages.direction, 'inbound'),
        isNull(messages.botHandledAt),
      ),
    )
    .orderBy(asc(messages.sequence))
    .limit(50);
  return rows.map(toMessage);
}

/**
 * Marks texts as read by a bot turn. Returns the ids this call marked, so two turns never read
 * the same text.
 */
export async function claimForBot(db: Database, ids: string[], at: Date): Promise<string[]> {
  if (ids.length === 0) {
    return [];
  }
  const rows = await db
    .update(messages)
    .set({ botHandledAt: at })
    .where(and(inArray(messages.id, ids), isNull(messages.botHandledAt)))
    .returning({ id: messages.id });
  return rows.map((row) => row.id);
}

/**
 * Lists the open bot-held conversations with a lead text received before `before` that no bot
 * turn has read, such as one whose turn was lost when a server process stopped.
 */
export async function listConversationsWithUnreadTexts(
  db: Database,
  before: Date,
): Promise<{ conversationId: string; businessId: string }[]> {
  return db
    .selectDistinct({ conversationId: messages.conversationId, businessId: messages.businessId })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(
      and(
        eq(messages.direction, 'inbound'),
        isNull(messages.botHandledAt),
        lt(messages.createdAt, before),
        eq(conversations.holder, 'bot'),
        eq(conversations.status, 'open'),
      ),
    )
    .limit(500);
}

/** Marks every text of the conversation that no bot turn has read as read, as of `at`. */
export async function claimUnreadForBot(db: Database, conversationId: string, at: Date): Promise<void> {
  await db
    .update(messages)
    .set({ botHandledAt: at })
    .where(
      and(
        eq(messages.conversationId, conversationId),
        eq(messages.direction, 'inbound'),
        isNull(messages.botHandledAt),
      ),
    );
}

export async function listMessages(db: Database, conversationId: string): Promise<Message[]> {
  const rows = await db
    .select()
    .from(messages)
    .where(eq(messages.conversationId, conversationId))
    .orderBy(asc(messages.sequence))
    .limit(1000);
  return rows.map(toMessage);
}

function toMessage(row: MessageRow): Message {
  return {
    id: row.id,
    businessId: row.businessId,
    conversationId: row.conversationId,
    direction: row.direction,
    author: row.author,
    body: row.body,
    status: row.status as MessageStatus,
    providerId: row.providerId,
    segments: row.segments,
    errorCode: row.errorCode,
    errorMessage: row.errorMessage,
    media: row.media as MediaAttachment[],
    createdAt: row.createdAt,
  };
}
