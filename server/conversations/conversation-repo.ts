import { and, desc, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { BotState } from '../../bot/engine/reply-engine.ts';
import type { Database } from '../db/open-database.ts';
import { conversations } from '../db/schema.ts';

export interface Conversation {
  id: string;
  businessId: string;
  contactId: string;
  holder: 'bot' | 'human';
  status: 'open' | 'closed';
  outcome: string | null;
  /** The bot's reason for a handoff or a discard; null with no outcome or a qualified one. */
  outcomeReason: string | null;
  botState: BotState | null;
  details: Record<string, unknown>;
  lastTextBackAt: Date | null;
  lastMessageAt: Date | null;
  /** The reason the conversation needs a person's eyes, such as `likely_opt_out`; null when none. */
  attentionReason: string | null;
  /** The bot's one-line lead summary with its outcome; null before the bot's first turn. */
  summary: string | null;
  /** Booking time of the lead's appointment; null while only a booking link was sent. */
  bookedAt: Date | null;
  /** The staff member who handles the conversation. */
  assigneeId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

type ConversationRow = typeof conversations.$inferSelect;

/** Returns the contact's open conversation, opening one when there is none. */
export async function findOrOpenConversation(
  db: Database,
  businessId: string,
  contactId: string,
): Promise<Conversation> {
  const open = await findOpenConversation(db, contactId);
  if (open) {
    return open;
  }
  // Two webhooks for one new lead can arrive together; the lock per contact makes the second
  // find the conversation the first opened instead of opening another.
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${contactId}))`);
    const opened = await findOpenConversation(tx as unknown as Database, contactId);
    if (opened) {
      return opened;
    }
    const rows = await tx.insert(conversations).values({ businessId, contactId }).returning();
    return toConversation(rows[0] as ConversationRow);
  });
}

export async function findOpenConversation(
  db: Database,
  contactId: string,
): Promise<Conversation | null> {
  const rows = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.contactId, contactId), eq(conversations.status, 'open')))
    .orderBy(desc(conversations.createdAt))
    .limit(1);
  return rows[0] ? toConversation(rows[0]) : null;
}

export async function findConversationById(db: Database, id: string): Promise<Conversation | null> {
  const rows = await db.select().from(conversations).where(eq(conversations.id, id)).limit(1);
  return rows[0] ? toConversation(rows[0]) : null;
}

export async function listConversations(
  db: Database,
  businessId: string,
  filter: { status?: 'open' | 'closed' },
): Promise<Conversation[]> {
  const where = filter.status
    ? and(eq(conversations.businessId, businessId), eq(conversations.status, filter.status))
    : eq(conversations.businessId, businessId);
  const rows = await db
    .select()
    .from(conversations)
    .where(where)
    .orderBy(desc(conversations.updatedAt))
    .limit(200);
  return rows.map(toConversation);
}

export type ConversationChanges = Partial<
  Pick<
    Conversation,
    | 'holder'
    | 'status'
    | 'outcome'
    | 'outcomeReason'
    | 'botState'
    | 'details'
    | 'lastTextBackAt'
    | 'lastMessageAt'
    | 'attentionReason'
    | 'summary'
    | 'bookedAt'
    | 'assigneeId'
  >
>;

export async function updateConversation(
  db: Database,
  id: string,
  changes: ConversationChanges,
): Promise<void> {
  await db
    .update(conversations)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(conversations.id, id));
}

function toConversation(row: ConversationRow): Conversation {
  return {
    ...row,
    botState: (row.botState as BotState | null) ?? null,
    details: row.details as Record<string, unknown>,
  };
}

/**
 * Adds keys to the conversation's details in one statement, so a bot turn and a voicemail
 * callback writing at the same time both keep their keys.
 */
export async function mergeConversationDetails(
  db: Database,
  id: string,
  added: Record<string, unknown>,
): Promise<void> {
  await db
    .update(conversations)
    .set({ details: sql`${conversations.details} || ${JSON.stringify(added)}::jsonb`, updatedAt: new Date() })
    .where(eq(conversations.id, id));
}

/** Sets the booking time unless the conversation has one. Returns it, or null when already booked. */
export async function claimBooking(db: Database, id: string, at: Date): Promise<Date | null> {
  const rows = await db
    .update(conversations)
    .set({ bookedAt: at, updatedAt: at })
    .where(and(eq(conversations.id, id), isNull(conversations.bookedAt)))
    .returning({ bookedAt: conversations.bookedAt });
  return rows[0]?.bookedAt ?? null;
}

/**
 * Records a text back now unless the conversation had one within `windowMs`. Returns true to
 * the one caller that may send, however many missed calls race for it.
 */
export async function claimTextBackSlot(
  db: Database,
  id: string,
  now: Date,
  windowMs: number,
): Promise<boolean> {
  const windowStart = new Date(now.getTime() - windowMs);
  const rows = await db
    .update(conversations)
    .set({ lastTextBackAt: now })
    .where(
      and(
        eq(conversations.id, id),
        or(isNull(conversations.lastTextBackAt), lte(conversations.lastTextBackAt, windowStart)),
      ),
    )
    .returning({ id: conversations.id });
  return rows.length === 1;
}
