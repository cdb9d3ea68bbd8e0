import type { AppContext } from '../app-context.ts';
import type { Business } from '../businesses/business.ts';
import { sendTextBack } from '../text-back/send-text-back.ts';
import { findAutomationSettings } from '../workflows/automation-settings.ts';
import { delayTextBack } from '../workflows/delay-text-back.ts';
import { claimTextBack } from './call-repo.ts';
import type { Call } from './call-repo.ts';

/**
 * Claims the missed call's text back and sends it in the background, after the webhook has
 * been answered. Only the first claim for a call leads to a text.
 */
export async function handleMissedCall(ctx: AppContext, business: Business, call: Call): Promise<void> {
  const isClaimed = await claimTextBack(ctx.db, call.id);
  if (!isClaimed) {
    ctx.log.info({ businessId: business.id, callId: call.id }, 'text back already handled');
    return;
  }
  const delayMs = ctx.automation ? (await findAutomationSettings(ctx.db, business.id)).textBackDelaySeconds * 1000 : 0;
  if (delayMs > 0) {
    await delayTextBack(ctx, business, call, delayMs);
    return;
  }
  ctx.tasks.run('text back', async () => {
    await sendTextBack(ctx, business, call);
  });
}
