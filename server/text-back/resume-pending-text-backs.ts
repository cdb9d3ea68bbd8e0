import type { AppContext } from '../app-context.ts';
import { findBusinessById } from '../businesses/business-repo.ts';
import { listPendingTextBacks } from '../calls/call-repo.ts';
import { sendTextBack } from './send-text-back.ts';

/** Text backs older than this are left undecided: a text hours after the call would confuse. */
const resumeWindowMs = 60 * 60_000;

/**
 * Finishes text backs that were claimed but not sent because the server stopped in between,
 * so a crash right after answering Twilio does not lose the lead.
 */
export async function resumePendingTextBacks(ctx: AppContext): Promise<number> {
  const pending = await listPendingTextBacks(ctx.db, new Date(ctx.now().getTime() - resumeWindowMs));
  for (const call of pending) {
    const business = await findBusinessById(ctx.db, call.businessId);
    if (business) {
      ctx.log.info({ businessId: business.id, callId: call.id }, 'resuming text back');
      await sendTextBack(ctx, business, call);
    }
  }
  return pending.length;
}
