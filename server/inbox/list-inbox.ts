import { and, desc, eq, ilike, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Database } from '../db/open-database.ts';
import { contacts, conversations } from '../db/schema.ts';
import type { InboxFilter, InboxQuery } from './inbox-filter.ts';
import { inboxFilters } from './inbox-filter.ts';

export interface InboxItem {
  id: string;
  holder: 'bot' | 'human';
  status: 'open' | 'closed';
  outcome: string | null;
  /** Booking time; null while only a booking link was sent (outcome `qualified`). */
  bookedAt: Date | null;
  assigneeId: string | null;
  details: Record<string, unknown>;
  contact: { id: string; name: string | null; phone: string; isOptedOut: boolean };
  lastMessage: { body: string; direction: string; author: string; createdAt: string } | null;
  unreadCount: number;
  activityAt: string;
}

export interface ListInboxResult {
  conversations: InboxItem[];
  /** Conversations per filter, ignoring the search, for the filter tabs. */
  counts: Record<InboxFilter, number>;
}

export interface ListInboxOptions {
  businessId: string;
  userId: string;
  query: InboxQuery;
}

/**
 * Lists one business's conversations for the inbox, newest activity first, with the last
 * message and the number of the lead's messages this user has not opened yet.
 */
export async function listInbox(db: Database, options: ListInboxOptions): Promise<ListInboxResult> {
  const { businessId, userId, query } = options;
  const lastMessage = sql<InboxItem['lastMessage']>`(
    select json_build_object('body', m.body, 'direction', m.direction, 'author', m.author,
      'createdAt', m.created_at)
    from messages m where m.conversation_id = ${conversations.id}
    order by m.created_at desc, m.id desc limit 1)`;
  const activityAt = sql<Date>`coalesce((select max(m.created_at) from messages m
    where m.conversation_id = ${conversations.id}), ${conversations.createdAt})`;
  const unreadCount = sql<number>`(select count(*)::int from messages m
    where m.conversation_id = ${conversations.id} and m.direction = 'inbound'
    and m.created_at > coalesce((select r.read_at from conversation_reads r
      where r.user_id = ${userId} and r.conversation_id = ${conversations.id}), '-infinity'))`;

  const conditions = [eq(conversations.businessId, businessId), filterCondition(query.filter, userId)];
  const search = searchCondition(query.q);
  if (search) {
    conditions.push(search);
  }
  const rows = await db
    .select({
      id: conversations.id,
      holder: conversations.holder,
      status: conversations.status,
      outcome: conversations.outcome,
      bookedAt: conversations.bookedAt,
      assigneeId: conversations.assigneeId,
      details: conversations.details,
      contact: {
        id: contacts.id,
        name: contacts.name,
        phone: contacts.phone,
        isOptedOut: contacts.isOptedOut,
      },
      lastMessage,
      unreadCount,
      activityAt,
    })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(and(...conditions))
    .orderBy(desc(activityAt), desc(conversations.id))
    .limit(200);

  return {
    conversations: rows.map((row) => ({
      ...row,
      details: row.details as Record<string, unknown>,
      activityAt: new Date(row.activityAt).toISOString(),
    })),
    counts: await countByFilter(db, businessId, userId),
  };
}

function filterCondition(filter: InboxFilter, userId: string): SQL {
  const isOpen = eq(conversations.status, 'open');
  switch (filter) {
    case 'open':
      return isOpen;
    case 'bot':
      return and(isOpen, eq(conversations.holder, 'bot')) as SQL;
    case 'needs_human':
      return and(
        isOpen,
        eq(conversations.holder, 'human'),
        or(
          isNull(conversations.assigneeId),
          eq(conversations.outcome, 'needs_human'),
          isNotNull(conversations.attentionReason),
        ),
      ) as SQL;
    case 'mine':
      return and(isOpen, eq(conversations.assigneeId, userId)) as SQL;
    case 'booked':
      return isNotNull(conversations.bookedAt);
    case 'opted_out':
      return eq(contacts.isOptedOut, true);
    case 'closed':
      return eq(conversations.status, 'closed');
    case 'all':
      return sql`true`;
  }
}

/** Matches the contact's name, or their number when the search has three or more digits. */
function searchCondition(q: string | undefined): SQL | undefined {
  if (!q) {
    return undefined;
  }
  const escaped = q.replace(/[\\%_]/g, (char) => `\\${char}`);
  const digits = q.replace(/\D/g, '');
  const byName = ilike(contacts.name, `%${escaped}%`);
  return digits.length >= 3 ? or(byName, ilike(contacts.phone, `%${digits}%`)) : byName;
}

async function countByFilter(
  db: Database,
  businessId: string,
  userId: string,
): Promise<Record<InboxFilter, number>> {
  const columns = Object.fromEntries(
    inboxFilters.map((filter) => [
      filter,
      sql<number>`(count(*) filter (where ${filterCondition(filter, userId)}))::int`,
    ]),
  ) as Record<InboxFilter, SQL.Aliased<number> | SQL<number>>;
  const rows = await db
    .select(columns)
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(eq(conversations.businessId, businessId));
  return rows[0] as Record<InboxFilter, number>;
}
