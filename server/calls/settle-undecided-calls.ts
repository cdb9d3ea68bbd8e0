import type { AppContext } from '../app-context.ts';
import { findBusinessById } from '../businesses/business-repo.ts';
import { listUndecidedCalls } from './call-repo.ts';
import { applyCallDecision } from './decide-call.ts';

/**
 * How long after the call ended a late `<Dial>` outcome is still awaited. Twilio sends the
 * action and the status callback at about the same moment, in either order.
 */
export const dialOutcomeGraceMs = 15_000;

/** A call with neither webhook after this long is closed as unknown rather than left ringing. */
export const abandonedCallMs = 2 * 60 * 60_000;

/**
 * Gives a verdict to calls still ringing: one that ended without a `<Dial>` outcome was hung up
 * by the caller before anyone answered, and one never heard of again is unknown.
 */
export async function settleUndecidedCalls(ctx: AppContext): Promise<number> {
  const now = ctx.now().getTime();
  const calls = await listUndecidedCalls(ctx.db, {
    endedBefore: new Date(now - dialOutcomeGraceMs),
    startedBefore: new Date(now - abandonedCallMs),
  });
  for (const call of calls) {
    const business = await findBusinessById(ctx.db, call.businessId);
    if (!business) {
      continue;
    }
    await applyCallDecision(ctx, business, call, {
      verdict: call.endedAt ? 'caller_hung_up' : 'unknown',
      dialStatus: call.dialStatus,
      durationSeconds: call.durationSeconds,
      source: 'settle',
    });
  }
  return calls.length;
}
