import type { FlowProblem } from '../../bot/flows/flow-problem.ts';
import type { Database } from '../db/open-database.ts';
import type { Logger } from '../lib/logger.ts';
import { findStoredFlow, storeFlowVersion } from './flow-repo.ts';
import type { StoredFlowVersion } from './flow-repo.ts';
import type { FlowRegistry } from './flow-registry.ts';
import { describeFlow, validateFlowSource } from './validate-flow-source.ts';
import type { FlowOverview } from './validate-flow-source.ts';

export interface FlowStoreDeps {
  db: Database;
  flows: FlowRegistry;
  log: Logger;
}

export interface SaveFlowVersionInput {
  source: string;
  /** The flow being edited; null creates a new flow with the id written in the source. */
  flowId: string | null;
}

export type SaveFlowVersionResult =
  | { ok: true; version: StoredFlowVersion; flow: FlowOverview; isNew: boolean }
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
  const stored = await findStoredFlow(deps.db, flow.id);
  if (input.flowId === null && stored !== null) {
    const message = `A flow with id "${flow.id}" already exists; save a new version of it instead`;
    return { ok: false, code: 'exists', message };
  }
  if (input.flowId !== null && stored === null) {
    return { ok: false, code: 'not_found', message: `Flow "${input.flowId}" not found` };
  }

  let result: Awaited<ReturnType<typeof storeFlowVersion>>;
  try {
    result = await storeFlowVersion(deps.db, {
      flowId: flow.id,
      name: flow.name,
      hash: flow.hash,
      label: flow.version,
      source: input.source,
      origin: 'api',
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const message = 'Another version of this flow was saved at the same time; save again';
      return { ok: false, code: 'conflict', message };
    }
    throw error;
  }
  deps.flows.register(flow, true);
  const fields = { flowId: flow.id, hash: flow.hash, number: result.version.number };
  deps.log.info({ ...fields, isNew: result.isNew }, 'flow version saved');
  return { ok: true, version: result.version, flow: describeFlow(flow), isNew: result.isNew };
}

function isUniqueViolation(error: unknown): boolean {
  const cause = error instanceof Error && 'cause' in error ? error.cause : error;
  return typeof cause === 'object' && cause !== null && 'code' in cause && cause.code === '23505';
}
