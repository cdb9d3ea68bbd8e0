import type { Database } from '../db/open-database.ts';
import {
  findBusinessFlow,
  findBusinessFlowVersion,
  listBusinessFlowVersions,
  listBusinessFlows,
} from './business-flow-repo.ts';
import { findFlowVersion, findStoredFlow, listFlowVersions, listStoredFlows } from './flow-repo.ts';
import type { StoredFlow, StoredFlowVersion, StoredFlowVersionWithSource } from './flow-repo.ts';

/** The owner of a flow: a shared template, or the business's own flow. */
export type FlowOwner = 'template' | 'business';

export interface VisibleFlow extends StoredFlow {
  owner: FlowOwner;
}

/**
 * Lists the flows a business sees: the templates plus its own flows, sorted by id. Its own flow
 * replaces a template with the same id, as it does for the bot. A null business sees templates.
 */
export async function listVisibleFlows(
  db: Database,
  businessId: string | null,
): Promise<VisibleFlow[]> {
  const byId = new Map<string, VisibleFlow>();
  for (const flow of await listStoredFlows(db)) {
    byId.set(flow.id, { ...flow, owner: 'template' });
  }
  if (businessId !== null) {
    for (const flow of await listBusinessFlows(db, businessId)) {
      byId.set(flow.id, { ...flow, owner: 'business' });
    }
  }
  return [...byId.values()].sort(compareById);
}

/** Finds the flow a business runs under `flowId`: its own first, then the template. */
export async function findVisibleFlow(
  db: Database,
  businessId: string | null,
  flowId: string,
): Promise<VisibleFlow | null> {
  const own = businessId === null ? null : await findBusinessFlow(db, businessId, flowId);
  if (own !== null) {
    return { ...own, owner: 'business' };
  }
  const template = await findStoredFlow(db, flowId);
  return template === null ? null : { ...template, owner: 'template' };
}

/** Lists the versions of the flow `findVisibleFlow` finds, newest first. */
export async function listVisibleFlowVersions(
  db: Database,
  flow: VisibleFlow,
  businessId: string | null,
): Promise<StoredFlowVersion[]> {
  if (flow.owner === 'business' && businessId !== null) {
    return listBusinessFlowVersions(db, businessId, flow.id);
  }
  return listFlowVersions(db, flow.id);
}

/**
 * Finds a version a business can read: one of its own, or a template version, which its
 * conversations may have started on before it saved its own copy.
 */
export async function findVisibleFlowVersion(
  db: Database,
  businessId: string | null,
  flowId: string,
  hash: string,
): Promise<StoredFlowVersionWithSource | null> {
  const own =
    businessId === null ? null : await findBusinessFlowVersion(db, businessId, flowId, hash);
  return own ?? (await findFlowVersion(db, flowId, hash));
}

function compareById(left: { id: string }, right: { id: string }): number {
  if (left.id < right.id) {
    return -1;
  }
  return left.id > right.id ? 1 : 0;
}
