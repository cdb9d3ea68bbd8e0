import { Router } from 'express';
import type { AppContext } from '../app-context.ts';
import { requireRole, sessionOf } from '../auth/require-session.ts';
import { findBusinessById } from '../businesses/business-repo.ts';
import { AppError } from '../lib/errors.ts';
import { expireForwardingChecks } from './expire-forwarding-checks.ts';
import { findLatestForwardingCheck } from './forwarding-check-repo.ts';
import type { ForwardingCheck } from './forwarding-check-repo.ts';
import { startForwardingCheck } from './start-forwarding-check.ts';

/** The "call me to test" forwarding check: owners start one, everyone polls the latest. */
export function createForwardingCheckRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/', async (_req, res) => {
    await expireForwardingChecks(ctx);
    const check = await findLatestForwardingCheck(ctx.db, sessionOf(res).user.businessId);
    res.json({ check: check ? toCheckView(check) : null });
  });

  router.post('/', requireRole('owner'), async (_req, res) => {
    const { user } = sessionOf(res);
    const business = await findBusinessById(ctx.db, user.businessId);
    if (!business) {
      throw new AppError('not_found', 'Business not found');
    }
    const started = await startForwardingCheck(ctx, business);
    if (!started.ok) {
      throw new AppError('bad_request', started.message, { reason: started.code });
    }
    res.status(202).json({ check: toCheckView(started.check) });
  });

  return router;
}

/** A check as the web app shows it, without provider ids. */
function toCheckView(check: ForwardingCheck) {
  return {
    id: check.id,
    status: check.status,
    carrierNumber: check.carrierNumber,
    failureReason: check.failureReason,
    startedAt: check.startedAt.toISOString(),
    expiresAt: check.expiresAt.toISOString(),
    finishedAt: check.finishedAt?.toISOString() ?? null,
  };
}
