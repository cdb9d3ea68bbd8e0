import { findBusinessById, updateBusiness } from '../businesses/business-repo.ts';
import type { Business } from '../businesses/business.ts';
import type { Database } from '../db/open-database.ts';
import { AppError } from '../lib/errors.ts';
import type { FlowRegistry } from './flow-registry.ts';

export type ChooseBusinessFlowResult =
  | { ok: true; business: Business }
  | { ok: false; code: 'business_not_found' | 'flow_not_found'; message: string };

/**
 * Sets the flow a business's new conversations start on: a template or one of the business's
 * own flows. Conversations under way keep their flow and version.
 */
export async function chooseBusinessFlow(
  deps: { db: Database; flows: FlowRegistry },
  businessId: string,
  flowId: string,
): Promise<ChooseBusinessFlowResult> {
  if ((await findBusinessById(deps.db, businessId)) === null) {
    return { ok: false, code: 'business_not_found', message: 'Business not found' };
  }
  if (!(await isFlowAvailable(deps.flows, businessId, flowId))) {
    return { ok: false, code: 'flow_not_found', message: `Flow "${flowId}" not found` };
  }
  const business = await updateBusiness(deps.db, businessId, { flowId });
  if (business === null) {
    return { ok: false, code: 'business_not_found', message: 'Business not found' };
  }
  return { ok: true, business };
}

/**
 * Checks whether a business may run `flowId`, which must be a template or one of its own flows.
 * A null business (one not created yet) may run templates only.
 */
export async function isFlowAvailable(
  flows: FlowRegistry,
  businessId: string | null,
  flowId: string,
): Promise<boolean> {
  await flows.refresh(businessId);
  return flows.catalogFor(businessId).current.has(flowId);
}

/**
 * Throws a 400 naming the `flowId` field unless the business may run `flowId`, for routes that
 * change `businesses.flow_id` with other settings. A null business may choose templates only.
 */
export async function requireAvailableFlow(
  flows: FlowRegistry,
  businessId: string | null,
  flowId: string,
): Promise<void> {
  if (!(await isFlowAvailable(flows, businessId, flowId))) {
    const message =
      `Flow "${flowId}" not found. Choose a template or one of the business's own flows`;
    throw new AppError('bad_request', message, [{ field: 'flowId', message }]);
  }
}
