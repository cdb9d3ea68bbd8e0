import type { AppContext } from '../app-context.ts';
import { findBusinessById } from '../businesses/business-repo.ts';
import { listConversationsWithUnreadTexts } from '../messages/message-repo.ts';
import { scheduleBotTurn } from './run-bot-turn.ts';

/** Texts younger than this still have a live turn timer in the process that received them. */
const settleMs = 60_000;

/**
 * Schedules a bot turn for lead texts that no turn has read, because the process that received
 * them stopped before its turn timer fired. Runs at start-up and then every minute, so another
 * process also picks them up. The turn lease and the read marks keep each text to one turn.
 */
export async function resumeBotTurns(ctx: AppContext): Promise<number> {
  const before = new Date(ctx.now().getTime() - ctx.config.replyBatchWindowMs - settleMs);
  const pending = await listConversationsWithUnreadTexts(ctx.db, before);
  for (const { conversationId, businessId } of pending) {
    const business = await findBusinessById(ctx.db, businessId);
    if (business) {
      ctx.log.info({ businessId, conversationId }, 'resuming bot turn');
      scheduleBotTurn(ctx, business, conversationId, 0);
    }
  }
  return pending.length;
}
