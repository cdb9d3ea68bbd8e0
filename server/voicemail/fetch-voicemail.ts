import type { AppContext } from '../app-context.ts';
import { maxDownloadAttempts, retryDelayMs } from '../lib/retry-delay.ts';
import { listVoicemailsToFetch, updateVoicemail } from './voicemail-repo.ts';
import type { Voicemail } from './voicemail-repo.ts';

/** Downloads a recording in the background and keeps it, retrying failures that can pass. */
export function fetchVoicemail(ctx: AppContext, voicemail: Voicemail): void {
  ctx.tasks.run('fetch voicemail', () => downloadVoicemail(ctx, voicemail));
}

/** Retries recordings left pending, such as after a restart. */
export async function resumeVoicemailFetches(ctx: AppContext): Promise<number> {
  const pending = await listVoicemailsToFetch(ctx.db, maxDownloadAttempts);
  for (const voicemail of pending) {
    fetchVoicemail(ctx, voicemail);
  }
  return pending.length;
}

async function downloadVoicemail(ctx: AppContext, voicemail: Voicemail): Promise<void> {
  const log = ctx.log.child({ businessId: voicemail.businessId, callId: voicemail.callId });
  const result = await ctx.provider.fetchMedia(voicemail.recordingUrl);
  if (result.ok) {
    await updateVoicemail(ctx.db, voicemail.id, { status: 'stored', contentType: result.contentType, data: result.data, lastError: null });
    log.info({ sizeBytes: result.data.length }, 'voicemail stored');
    return;
  }
  const attempts = voicemail.attempts + 1;
  const isFinal = !result.isRetryable || attempts >= maxDownloadAttempts;
  await updateVoicemail(ctx.db, voicemail.id, { attempts, lastError: result.error, status: isFinal ? 'failed' : 'pending' });
  if (isFinal) {
    log.error({ attempts, error: result.error }, 'voicemail download failed for good');
    return;
  }
  log.warn({ attempts, error: result.error }, 'voicemail download failed, retrying');
  ctx.tasks.runLater('fetch voicemail', retryDelayMs(attempts), () =>
    downloadVoicemail(ctx, { ...voicemail, attempts }),
  );
}
