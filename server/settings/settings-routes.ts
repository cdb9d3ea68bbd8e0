import { Router } from 'express';
import type { AppContext } from '../app-context.ts';
import { requireRole, sessionOf } from '../auth/require-session.ts';
import { findBusinessById, updateBusiness } from '../businesses/business-repo.ts';
import { businessUpdateSchema } from '../businesses/business.ts';
import type { Business } from '../businesses/business.ts';
import { requireAvailableFlow } from '../flows/choose-business-flow.ts';
import { findFieldWarnings } from '../businesses/find-settings-warnings.ts';
import { requireOtherPhoneNumbers } from '../businesses/require-other-phone-numbers.ts';
import type { SettingsWarning } from '../businesses/find-settings-warnings.ts';
import { createForwardingCheckRoutes } from '../forwarding-check/forwarding-check-routes.ts';
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
    res.json(await readSettingsResponse(ctx, sessionOf(res).user.businessId));
  });

  // The warnings a draft would get if saved, so the page can show them while the owner types.
  router.post('/warnings', async (req, res) => {
    const { holidays: _holidays, ...draft } = parseInput(settingsUpdateSchema, req.body);
    const business = await findBusinessById(ctx.db, sessionOf(res).user.businessId);
    if (!business) {
      throw new AppError('not_found', 'Business not found');
    }
    res.json({ warnings: findFieldWarnings({ ...business, ...draft }) });
  });

  router.use('/forwarding-check', createForwardingCheckRoutes(ctx));

  router.patch('/', requireRole('owner'), async (req, res) => {
    const { holidays, ...update } = parseInput(settingsUpdateSchema, req.body);
    const { user } = sessionOf(res);
    const current = await findBusinessById(ctx.db, user.businessId);
    if (!current) {
      throw new AppError('not_found', 'Business not found');
    }
    requireOtherPhoneNumbers({ ...current, ...update });
    if (update.flowId !== undefined) {
      await requireAvailableFlow(ctx.flows, user.businessId, update.flowId);
    }
    if (Object.keys(update).length > 0) {
      await updateBusiness(ctx.db, user.businessId, update);
    }
    if (holidays) {
      await saveHolidays(ctx.db, user.businessId, holidays);
    }
    const fields = [...Object.keys(update), ...(holidays ? ['holidays'] : [])];
    ctx.log.info({ businessId: user.businessId, userId: user.id, fields }, 'settings changed');
    ctx.realtime.publish(user.businessId, 'settings:updated', { businessId: user.businessId });
    res.json(await readSettingsResponse(ctx, user.businessId));
  });

  return router;
}

interface SettingsResponse {
  settings: Business & { holidays: unknown };
  warnings: SettingsWarning[];
  /** What the setup instructions need: the provider and the webhook addresses to configure. */
  setup: { provider: 'twilio' | 'sandbox'; voiceUrl: string; voiceStatusUrl: string; smsUrl: string };
}

async function readSettingsResponse(ctx: AppContext, businessId: string): Promise<SettingsResponse> {
  const settings = await readSettings(ctx, businessId);
  const webhookBase = `${ctx.config.publicBaseUrl}/webhooks/twilio`;
  return {
    settings,
    warnings: findFieldWarnings(settings),
    setup: {
      provider: ctx.provider.kind,
      voiceUrl: `${webhookBase}/voice`,
      voiceStatusUrl: `${webhookBase}/voice/status`,
      smsUrl: `${webhookBase}/sms`,
    },
  };
}

async function readSettings(ctx: AppContext, businessId: string): Promise<Business & { holidays: unknown }> {
  const business = await findBusinessById(ctx.db, businessId);
  if (!business) {
    throw new AppError('not_found', 'Business not found');
  }
  return { ...business, holidays: await findHolidays(ctx.db, businessId) };
}
