import { asc, eq } from 'drizzle-orm';
import type { Database } from '../db/open-database.ts';
import { messages } from '../db/schema.ts';
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
export type NewMessage = Omit<Message, 'id' | 'createdAt' | 'errorCode' | 'errorMessage'>;

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

export async function listMessages(db: Database, conversationId: string): Promise<Message[]> {
  const rows = await db
    .select()
    .from(messages)
    .where(eq(messages.conversationId, conversationId))
    .orderBy(asc(messages.createdAt), asc(messages.id))
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
