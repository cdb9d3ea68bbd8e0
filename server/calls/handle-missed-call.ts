import type { AppContext } from '../app-context.ts';
import type { Business } from '../businesses/business.ts';
import { recordEvent } from '../events/event-repo.ts';
import { sendTextBack } from '../text-back/send-text-back.ts';
import { claimTextBack, updateCall } from './call-repo.ts';
import type { Call } from './call-repo.ts';

/**
 * Records a missed call and, in the background, texts the caller back. Safe to call for every
 * retry of every webhook about the call: only the first claim leads to a text.
 */
export async function handleMissedCall(
  ctx: AppContext,
  business: Business,
  call: Call,
  dialStatus: string,
): Promise<void> {
  if (call.status !== 'missed') {
    await updateCall(ctx.db, call.id, { status: 'missed', dialStatus });
    await recordEvent(ctx.db, {
      businessId: business.id,
      callId: call.id,
      type: 'call.missed',
      data: { dialStatus },
    });
    ctx.realtime.publish(business.id, 'call:updated', { callId: call.id, conversationId: call.conversationId });
  }
  const isClaimed = await claimTextBack(ctx.db, call.id);
  if (!isClaimed) {
    ctx.log.info({ businessId: business.id, callId: call.id }, 'text back already handled');
    return;
  }
  ctx.tasks.run('text back', async () => {
    await sendTextBack(ctx, business, { ...call, status: 'missed', dialStatus });
  });
}
