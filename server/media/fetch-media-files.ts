import type { AppContext } from '../app-context.ts';
import { maxDownloadAttempts, retryDelayMs } from '../lib/retry-delay.ts';
import { listMediaToFetch, recordMediaFailure, storeMediaData } from './media-repo.ts';
import type { MediaFile } from './media-repo.ts';


/**
 * Downloads attachments in the background and keeps them, so a picture stays readable after
 * the provider deletes its copy. A failure that can pass is retried with growing delays.
 */
export function fetchMediaFiles(ctx: AppContext, files: MediaFile[]): void {
  for (const file of files) {
    ctx.tasks.run('fetch media', () => fetchMediaFile(ctx, file));
  }
}

/** Retries downloads left pending, such as after a restart. */
export async function resumeMediaFetches(ctx: AppContext): Promise<number> {
  const files = await listMediaToFetch(ctx.db, maxDownloadAttempts);
  fetchMediaFiles(ctx, files);
  return files.length;
}

async function fetchMediaFile(ctx: AppContext, file: MediaFile): Promise<void> {
  const result = await ctx.provider.fetchMedia(file.sourceUrl);
  const log = ctx.log.child({ businessId: file.businessId, messageId: file.messageId, mediaId: file.id });
  if (result.ok) {
    await storeMediaData(ctx.db, file.id, result);
    log.info({ sizeBytes: result.data.length }, 'media stored');
    return;
  }
  const attempts = file.attempts + 1;
  const isFinal = !result.isRetryable || attempts >= maxDownloadAttempts;
  await recordMediaFailure(ctx.db, file.id, { error: result.error, attempts, isFinal });
  if (isFinal) {
    log.error({ attempts, error: result.error }, 'media fetch failed for good');
    return;
  }
  const delayMs = retryDelayMs(attempts);
  log.warn({ attempts, delayMs, error: result.error }, 'media fetch failed, retrying');
  ctx.tasks.runLater('fetch media', delayMs, () => fetchMediaFile(ctx, { ...file, attempts }));
}
