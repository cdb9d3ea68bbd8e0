import { and, eq, lt } from 'drizzle-orm';
import type { Database } from '../db/open-database.ts';
import { voicemails } from '../db/schema.ts';

export interface Voicemail {
  id: string;
  businessId: string;
  callId: string;
  conversationId: string | null;
  recordingSid: string;
  recordingUrl: string;
  durationSeconds: number | null;
  status: 'pending' | 'stored' | 'failed';
  attempts: number;
  lastError: string | null;
  contentType: string | null;
  transcript: string | null;
  transcriptStatus: string | null;
  createdAt: Date;
}

const voicemailColumns = {
  id: voicemails.id,
  businessId: voicemails.businessId,
  callId: voicemails.callId,
  conversationId: voicemails.conversationId,
  recordingSid: voicemails.recordingSid,
  recordingUrl: voicemails.recordingUrl,
  durationSeconds: voicemails.durationSeconds,
  status: voicemails.status,
  attempts: voicemails.attempts,
  lastError: voicemails.lastError,
  contentType: voicemails.contentType,
  transcript: voicemails.transcript,
  transcriptStatus: voicemails.transcriptStatus,
  createdAt: voicemails.createdAt,
};

/** Stores a call's recording once; a retried callback returns null. */
export async function insertVoicemail(
  db: Database,
  voicemail: Pick<Voicemail, 'businessId' | 'callId' | 'conversationId' | 'recordingSid' | 'recordingUrl' | 'durationSeconds'>,
): Promise<Voicemail | null> {
  const rows = await db.insert(voicemails).values(voicemail).onConflictDoNothing().returning(voicemailColumns);
  return rows[0] ?? null;
}

export async function findVoicemailByCall(db: Database, callId: string): Promise<Voicemail | null> {
  const rows = await db.select(voicemailColumns).from(voicemails).where(eq(voicemails.callId, callId)).limit(1);
  return rows[0] ?? null;
}

export async function listVoicemailsForConversation(db: Database, conversationId: string): Promise<Voicemail[]> {
  return db.select(voicemailColumns).from(voicemails).where(eq(voicemails.conversationId, conversationId));
}

export async function listVoicemailsToFetch(db: Database, maxAttempts: number): Promise<Voicemail[]> {
  return db
    .select(voicemailColumns)
    .from(voicemails)
    .where(and(eq(voicemails.status, 'pending'), lt(voicemails.attempts, maxAttempts)))
    .limit(100);
}

export async function updateVoicemail(
  db: Database,
  id: string,
  changes: Partial<{
    status: Voicemail['status'];
    attempts: number;
    lastError: string | null;
    contentType: string;
    data: Buffer;
    transcript: string | null;
    transcriptStatus: string;
  }>,
): Promise<void> {
  await db
    .update(voicemails)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(voicemails.id, id));
}

/** Reads a stored recording's audio; with a business id, only that business's recordings. */
export async function readVoicemailAudio(
  db: Database,
  id: string,
  businessId: string | null,
): Promise<{ contentType: string; data: Buffer } | null> {
  const where = businessId ? and(eq(voicemails.id, id), eq(voicemails.businessId, businessId)) : eq(voicemails.id, id);
  const rows = await db
    .select({ contentType: voicemails.contentType, data: voicemails.data })
    .from(voicemails)
    .where(where)
    .limit(1);
  const row = rows[0];
  return row?.data ? { contentType: row.contentType ?? 'audio/wav', data: row.data } : null;
}
