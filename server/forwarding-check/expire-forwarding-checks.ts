import type { AppContext } from '../app-context.ts';
import { finishForwardingCheck, listExpiredForwardingChecks } from './forwarding-check-repo.ts';

/** How long a check waits for the forwarded call before it fails. */
export const forwardingCheckTimeoutMs = 60_000;

/**
 * Fails every pending check whose time is up. A timer runs this when each check's time passes,
 * and reading a check runs it too, so a check left pending by a restart still finishes.
 */
export async function expireForwardingChecks(ctx: AppContext): Promise<number> {
  const now = ctx.now();
  const expired = await listExpiredForwardingChecks(ctx.db, now);
  for (const check of expired) {
    const seconds = Math.round(forwardingCheckTimeoutMs / 1000);
    const failureReason =
      `No forwarded call came back within ${seconds} seconds. Check that conditional ` +
      'forwarding to your textback number is on (your carrier can confirm the code) and that ' +
      `nobody answered the test call on ${check.carrierNumber}, then try again.`;
    const outcome = { status: 'failed', failureReason } as const;
    const finished = await finishForwardingCheck(ctx.db, check.id, outcome, now);
    if (finished) {
      const fields = { businessId: check.businessId, checkId: check.id };
      ctx.log.info(fields, 'forwarding check timed out');
    }
  }
  return expired.length;
}
