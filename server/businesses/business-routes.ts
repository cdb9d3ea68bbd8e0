import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { requireAvailableFlow } from '../flows/choose-business-flow.ts';
import { AppError } from '../lib/errors.ts';
import { parseInput } from '../lib/parse-body.ts';
import { createBusiness, findBusinessById, listBusinesses, updateBusiness } from './business-repo.ts';
import { businessInputSchema, businessUpdateSchema } from './business.ts';
import { findSettingsWarnings } from './find-settings-warnings.ts';
import { requireOtherPhoneNumbers } from './require-other-phone-numbers.ts';

const idParamsSchema = z.object({ businessId: z.uuid('Invalid business id') });

/** REST routes to create a business and change its text-back settings. */
export function createBusinessRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/', async (_req, res) => {
    res.json({ businesses: await listBusinesses(ctx.db) });
  });

  router.post('/', async (req, res) => {
    const input = parseInput(businessInputSchema, req.body);
    requireOtherPhoneNumbers(input);
    await requireAvailableFlow(ctx.flows, null, input.flowId);
    try {
      const business = await createBusiness(ctx.db, input);
      ctx.log.info({ businessId: business.id }, 'business created');
      res.status(201).json({ business });
    } catch (err) {
      throw asConflict(err);
    }
  });

  router.get('/:businessId', async (req, res) => {
    const { businessId } = parseInput(idParamsSchema, req.params);
    const business = await findBusinessById(ctx.db, businessId);
    if (!business) {
      throw new AppError('not_found', 'Business not found');
    }
    res.json({ business, warnings: findSettingsWarnings(business) });
  });

  router.patch('/:businessId', async (req, res) => {
    const { businessId } = parseInput(idParamsSchema, req.params);
    const update = parseInput(businessUpdateSchema, req.body);
    const current = await findBusinessById(ctx.db, businessId);
    if (!current) {
      throw new AppError('not_found', 'Business not found');
    }
    requireOtherPhoneNumbers({ ...current, ...update });
    if (update.flowId !== undefined) {
      await requireAvailableFlow(ctx.flows, businessId, update.flowId);
    }
    try {
      const business = await updateBusiness(ctx.db, businessId, update);
      if (!business) {
        throw new AppError('not_found', 'Business not found');
      }
      ctx.log.info({ businessId, fields: Object.keys(update) }, 'business updated');
      res.json({ business, warnings: findSettingsWarnings(business) });
    } catch (err) {
      throw asConflict(err);
    }
  });

  return router;
}

/** Maps a unique-violation on the phone number to a 409 the owner can act on. */
function asConflict(err: unknown): unknown {
  const cause = err instanceof Error && 'cause' in err ? err.cause : err;
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? cause.code : undefined;
  if (code === '23505') {
    return new AppError('conflict', 'Another business already uses this phone number');
  }
  return err;
}
