import { and, asc, eq, lt } from 'drizzle-orm';
import type { Database } from '../db/open-database.ts';
import { mediaFiles } from '../db/schema.ts';
import type { MediaAttachment } from '../messages/message-repo.ts';

export interface MediaFile {
  id: string;
  businessId: string;
  messageId: string;
  position: number;
  sourceUrl: string;
  contentType: string;
  status: 'pending' | 'stored' | 'failed';
  attempts: number;
  lastError: string | null;
  sizeBytes: number | null;
}

const mediaColumns = {
  id: mediaFiles.id,
  businessId: mediaFiles.businessId,
  messageId: mediaFiles.messageId,
  position: mediaFiles.position,
  sourceUrl: mediaFiles.sourceUrl,
  contentType: mediaFiles.contentType,
  status: mediaFiles.status,
  attempts: mediaFiles.attempts,
  lastError: mediaFiles.lastError,
  sizeBytes: mediaFiles.sizeBytes,
};

/** Records a message's attachments as waiting to be downloaded. */
export async function insertMediaFiles(
  db: Database,
  message: { businessId: string; messageId: string },
  attachments: MediaAttachment[],
): Promise<MediaFile[]> {
  if (attachments.length === 0) {
    return [];
  }
  const rows = attachments.map((attachment, position) => ({
    businessId: message.businessId,
    messageId: message.messageId,
    position,
    sourceUrl: attachment.url,
    contentType: attachment.contentType,
  }));
  return db.insert(mediaFiles).values(rows).onConflictDoNothing().returning(mediaColumns);
}

export async function listMediaToFetch(db: Database, maxAttempts: number): Promise<MediaFile[]> {
  return db
    .select(mediaColumns)
    .from(mediaFiles)
    .where(and(eq(mediaFiles.status, 'pending'), lt(mediaFiles.attempts, maxAttempts)))
    .orderBy(asc(mediaFiles.createdAt))
    .limit(200);
}

export async function listMediaForMessage(db: Database, messageId: string): Promise<MediaFile[]> {
  return db
    .select(mediaColumns)
    .from(mediaFiles)
    .where(eq(mediaFiles.messageId, messageId))
    .orderBy(asc(mediaFiles.position));
}

export async function storeMediaData(
  db: Database,
  id: string,
  file: { contentType: string; data: Buffer },
): Promise<void> {
  await db
    .update(mediaFiles)
    .set({
      status: 'stored',
      contentType: file.contentType,
      data: file.data,
      sizeBytes: file.data.length,
      lastError: null,
      updatedAt: new Date(),
    })
    .where(eq(mediaFiles.id, id));
}

export async function recordMediaFailure(
  db: Database,
  id: string,
  failure: { error: string; attempts: number; isFinal: boolean },
): Promise<void> {
  await db
    .update(mediaFiles)
    .set({
      attempts: failure.attempts,
      lastError: failure.error,
      status: failure.isFinal ? 'failed' : 'pending',
      updatedAt: new Date(),
    })
    .where(eq(mediaFiles.id, id));
}

/** Reads a stored attachment's bytes; with a business id, only that business's attachments. */
export async function readMediaData(
  db: Database,
  id: string,
  businessId: string | null,
): Promise<{ contentType: string; data: Buffer } | null> {
  const where = businessId
    ? and(eq(mediaFiles.id, id), eq(mediaFiles.businessId, businessId))
    : eq(mediaFiles.id, id);
  const rows = await db
    .select({ contentType: mediaFiles.contentType, data: mediaFiles.data, status: mediaFiles.status })
    .from(mediaFiles)
    .where(where)
    .limit(1);
  const row = rows[0];
  if (!row || row.status !== 'stored' || !row.data) {
    return null;
  }
  return { contentType: row.contentType, data: row.data };
}
