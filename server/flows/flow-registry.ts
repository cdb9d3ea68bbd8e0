import { createFlowEngine } from '../../bot/engine/create-flow-engine.ts';
import { versionKey } from '../../bot/flows/flow-catalog.ts';
import type { FlowCatalog } from '../../bot/flows/flow-catalog.ts';
import type { Flow } from '../../bot/flows/flow.ts';
import { formatFlowProblem } from '../../bot/flows/flow-problem.ts';
import { parseFlow } from '../../bot/flows/parse-flow.ts';
import type { LeadInterpreter } from '../../bot/llm/lead-interpreter.ts';
import type { ReplyEngineFactory } from '../conversations/load-reply-engines.ts';
import type { Database } from '../db/open-database.ts';
import type { Logger } from '../lib/logger.ts';
import { listAllFlowVersions, listStoredFlows } from './flow-repo.ts';
import { seedFlowsFromFiles } from './seed-flows-from-files.ts';

/**
 * The flows the bot runs, loaded from the database: every saved version stays in the catalog
 * so a conversation continues on the version it started on, across edits and restarts.
 */
export interface FlowRegistry {
  catalog(): FlowCatalog;
  engineFor: ReplyEngineFactory;
  /** The model that helps read messages, or null for rules only. */
  interpreter: LeadInterpreter | null;
  /** Adds a version saved by this process; `isCurrent` makes new conversations start on it. */
  register(flow: Flow, isCurrent: boolean): void;
}

export interface CreateFlowRegistryOptions {
  db: Database;
  /** Flow files copied into the database first; null skips that. */
  flowsDir: string | null;
  log: Logger;
  interpreter?: LeadInterpreter | null;
}

/**
 * Seeds the database from the flow files, then loads every stored version. A stored version
 * keeps the hash it was saved under even if a newer parser would hash it differently, because
 * conversations refer to that hash.
 */
export async function createFlowRegistry(options: CreateFlowRegistryOptions): Promise<FlowRegistry> {
  const { db, log } = options;
  if (options.flowsDir !== null) {
    await seedFlowsFromFiles(db, options.flowsDir, log);
  }
  const current = new Map<string, Flow>();
  const versions = new Map<string, Flow>();
  const currentHashes = new Map((await listStoredFlows(db)).map((flow) => [flow.id, flow.currentHash]));
  for (const row of await listAllFlowVersions(db)) {
    const parsed = parseFlow(row.source, `${row.flowId}@${row.number}`);
    if (!parsed.ok) {
      const problems = parsed.problems.map(formatFlowProblem);
      log.error({ flowId: row.flowId, hash: row.hash, problems }, 'stored flow version no longer parses');
      continue;
    }
    const flow = { ...parsed.flow, hash: row.hash };
    versions.set(versionKey(flow.id, flow.hash), flow);
    if (currentHashes.get(flow.id) === row.hash) {
      current.set(flow.id, flow);
    }
  }
  const catalog: FlowCatalog = { current, versions };
  const interpreter = options.interpreter ?? null;
  log.info({ flows: current.size, versions: versions.size }, 'flows loaded');

  return {
    catalog: () => catalog,
    engineFor: (flowId) => createFlowEngine({ catalog, startFlowId: flowId, interpreter }),
    interpreter,
    register: (flow, isCurrent) => {
      versions.set(versionKey(flow.id, flow.hash), flow);
      if (isCurrent) {
        current.set(flow.id, flow);
      }
    },
  };
}
