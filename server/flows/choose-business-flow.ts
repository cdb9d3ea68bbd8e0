import { findBusinessById, updateBusiness } from '../businesses/business-repo.ts';
import type { Business } from '../businesses/business.ts';
import type { Database } from '../db/open-database.ts';
import type { FlowRegistry } from './flow-registry.ts';

export type ChooseBusinessFlowResult =
  | { ok: true; business: Business }
  | { ok: false; code: 'business_not_found' | 'flow_not_found'; message: string };

/**
 * Sets the flow a business's new conversations start on. Conversations under way keep their
 * flow and version.
 */
export async function chooseBusinessFlow(
  deps: { db: Database; flows: FlowRegistry },
  businessId: string,
  flowId: string,
): Promise<ChooseBusinessFlowResult> {
  if (!deps.flows.catalog().current.has(flowId)) {
    return { ok: false, code: 'flow_not_found', message: `Flow "${flowId}" not found` };
  }
  if ((await findBusinessById(deps.db, businessId)) === null) {
    return { ok: false, code: 'business_not_found', message: 'Business not found' };
  }
  const business = await updateBusiness(deps.db, businessId, { flowId });
  if (business === null) {
    return { ok: false, code: 'business_not_found', message: 'Business not found' };
  }
  return { ok: true, business };
}
