import { Router } from 'express';
import type { AppContext } from '../app-context.ts';
import { requireRole, sessionOf } from '../auth/require-session.ts';
import { findBusinessById, updateBusiness } from '../businesses/business-repo.ts';
import { businessUpdateSchema } from '../businesses/business.ts';
import type { Business } from '../businesses/business.ts';
import { AppError } from '../lib/errors.ts';
import { parseInput } from '../lib/parse-body.ts';
import { findHolidays, saveHolidays } from './holiday-repo.ts';
import { holidaysSchema } from './holidays.ts';

/** Owners change what the REST API changes, except the textback number itself. */
const settingsUpdateSchema = businessUpdateSchema
  .omit({ phoneNumber: true })
  .extend({ holidays: holidaysSchema.optional() })
  .strict();

/** The logged-in user's business settings: everyone reads them, owners change them. */
export function createSettingsRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/', async (_req, res) => {
    res.json({ settings: await readSettings(ctx, sessionOf(res).user.businessId) });
  });

  router.patch('/', requireRole('owner'), async (req, res) => {
    const { holidays, ...update } = parseInput(settingsUpdateSchema, req.body);
    const { user } = sessionOf(res);
    if (Object.keys(update).length > 0) {
      await updateBusiness(ctx.db, user.businessId, update);
    }
    if (holidays) {
      await saveHolidays(ctx.db, user.businessId, holidays);
    }
    const fields = [...Object.keys(update), ...(holidays ? ['holidays'] : [])];
    ctx.log.info({ businessId: user.businessId, userId: user.id, fields }, 'settings changed');
    ctx.realtime.publish(user.businessId, 'settings:updated', { businessId: user.businessId });
    res.json({ settings: await readSettings(ctx, user.businessId) });
  });

  return router;
}

async function readSettings(ctx: AppContext, businessId: string): Promise<Business & { holidays: unknown }> {
  const business = await findBusinessById(ctx.db, businessId);
  if (!business) {
    throw new AppError('not_found', 'Business not found');
  }
  return { ...business, holidays: await findHolidays(ctx.db, businessId) };
}
