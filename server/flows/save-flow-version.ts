import type { FlowProblem } from '../../bot/flows/flow-problem.ts';
import type { Database } from '../db/open-database.ts';
import type { Logger } from '../lib/logger.ts';
import { storeBusinessFlowVersion } from './business-flow-repo.ts';
import { storeFlowVersion } from './flow-repo.ts';
import type { NewFlowVersion, StoredFlowVersion } from './flow-repo.ts';
import type { FlowRegistry } from './flow-registry.ts';
import { describeFlow, validateFlowSource } from './validate-flow-source.ts';
import type { FlowOverview } from './validate-flow-source.ts';
import { findVisibleFlow } from './visible-flows.ts';
import type { FlowOwner } from './visible-flows.ts';

export interface FlowStoreDeps {
  db: Database;
  flows: FlowRegistry;
  log: Logger;
}

export interface SaveFlowVersionInput {
  source: string;
  /** The flow being edited; null creates a new flow with the id written in the source. */
  flowId: string | null;
  /**
   * The business that owns the saved flow, or null to save a template. Saving a template's id
   * for a business stores the business's own copy and leaves the template unchanged.
   */
  businessId: string | null;
}

export type SaveFlowVersionResult =
  | { ok: true; version: StoredFlowVersion; flow: FlowOverview; owner: FlowOwner; isNew: boolean }
  | { ok: false; code: 'invalid'; problems: FlowProblem[] }
  | { ok: false; code: 'not_found' | 'exists' | 'id_mismatch' | 'conflict'; message: string };

/**
 * Validates a flow's YAML and stores it as the flow's current version, so new conversations
 * start on it while conversations under way stay on theirs. Saving a source identical to an
 * earlier version makes that version current again instead of storing a copy.
 */
export async function saveFlowVersion(
  deps: FlowStoreDeps,
  input: SaveFlowVersionInput,
): Promise<SaveFlowVersionResult> {
  const file = input.flowId === null ? 'flow.yaml' : `${input.flowId}.yaml`;
  const validated = validateFlowSource(input.source, file);
  if (!validated.valid) {
    return { ok: false, code: 'invalid', problems: validated.problems };
  }
  const flow = validated.flow;
  if (input.flowId !== null && flow.id !== input.flowId) {
    const message = `The source has id "${flow.id}" but is saved to flow "${input.flowId}"`;
    return { ok: false, code: 'id_mismatch', message };
  }
  const stored = await findVisibleFlow(deps.db, input.businessId, flow.id);
  if (input.flowId === null && stored !== null) {
    const message = `A flow with id "${flow.id}" already exists; save a new version of it instead`;
    return { ok: false, code: 'exists', message };
  }
  if (input.flowId !== null && stored === null) {
    return { ok: false, code: 'not_found', message: `Flow "${input.flowId}" not found` };
  }

  let result: Awaited<ReturnType<typeof storeFlowVersion>>;
  try {
    const version: NewFlowVersion = {
      flowId: flow.id,
      name: flow.name,
      hash: flow.hash,
      label: flow.version,
      source: input.source,
      origin: 'api',
    };
    result =
      input.businessId === null
        ? await storeFlowVersion(deps.db, version)
        : await storeBusinessFlowVersion(deps.db, input.businessId, version);
  } catch (error) {
    if (isUniqueViolation(error)) {
      const message = 'Another version of this flow was saved at the same time; save again';
      return { ok: false, code: 'conflict', message };
    }
    throw error;
  }
  deps.flows.register(flow, { businessId: input.businessId, isCurrent: true });
  const owner: FlowOwner = input.businessId === null ? 'template' : 'business';
  const fields = { businessId: input.businessId, flowId: flow.id, hash: flow.hash, owner };
  const { version, isNew } = result;
  deps.log.info({ ...fields, number: version.number, isNew }, 'flow version saved');
  return { ok: true, version, flow: describeFlow(flow), owner, isNew };
}

function isUniqueViolation(error: unknown): boolean {
  const cause = error instanceof Error && 'cause' in error ? error.cause : error;
  return typeof cause === 'object' && cause !== null && 'code' in cause && cause.code === '23505';
}
