import { Router } from 'express';
import type { AppContext } from '../app-context.ts';
import { requireRole, sessionOf } from '../auth/require-session.ts';
import { findUserInBusiness } from '../auth/user-repo.ts';
import { AppError } from '../lib/errors.ts';
import { parseInput } from '../lib/parse-body.ts';
import {
  automationSettingsSchema,
  findAutomationSettings,
  saveAutomationSettings,
} from '../workflows/automation-settings.ts';

/**
 * The logged-in user's automation settings (quiet hours, pacing, on-call person), the same
 * ones the bearer-token `/api/businesses/:businessId/automation` sets. The business always
 * comes from the session; everyone reads them, owners change them.
 */
export function createAutomationSettingsRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/', async (_req, res) => {
    res.json({ automation: await findAutomationSettings(ctx.db, sessionOf(res).user.businessId) });
  });

  router.put('/', requireRole('owner'), async (req, res) => {
    const settings = parseInput(automationSettingsSchema, req.body);
    const { user } = sessionOf(res);
    const onCallUserId = settings.onCall?.userId;
    if (onCallUserId && !(await findUserInBusiness(ctx.db, user.businessId, onCallUserId))) {
      throw new AppError('bad_request', 'Invalid request: onCall.userId: Not a member of this team', [
        { field: 'onCall.userId', message: 'Not a member of this team' },
      ]);
    }
    if (!(await saveAutomationSettings(ctx.db, user.businessId, settings))) {
      throw new AppError('not_found', 'Business not found');
    }
    ctx.log.info({ businessId: user.businessId, userId: user.id }, 'automation settings saved');
    res.json({ automation: settings });
  });

  return router;
}
