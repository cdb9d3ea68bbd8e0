import { asc, eq } from 'drizzle-orm';
import type { Database } from '../db/open-database.ts';
import { notes, users } from '../db/schema.ts';

/** An internal note on a conversation; staff see it, the lead never does. */
export interface Note {
  id: string;
  conversationId: string;
  authorId: string | null;
  authorName: string | null;
  body: string;
  createdAt: Date;
}

export async function createNote(
  db: Database,
  note: { businessId: string; conversationId: string; authorId: string; body: string },
): Promise<{ id: string }> {
  const rows = await db.insert(notes).values(note).returning({ id: notes.id });
  return rows[0] as { id: string };
}

export async function listNotes(db: Database, conversationId: string): Promise<Note[]> {
  return db
    .select({
      id: notes.id,
      conversationId: notes.conversationId,
      authorId: notes.authorId,
      authorName: users.name,
      body: notes.body,
      createdAt: notes.createdAt,
    })
    .from(notes)
    .leftJoin(users, eq(users.id, notes.authorId))
    .where(eq(notes.conversationId, conversationId))
    .orderBy(asc(notes.createdAt), asc(notes.id))
    .limit(500);
}
