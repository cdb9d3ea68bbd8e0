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
import { listAllBusinessFlowVersions, listAllBusinessFlows } from './business-flow-repo.ts';
import { listAllFlowVersions, listStoredFlows } from './flow-repo.ts';
import type { StoredFlowVersionWithSource } from './flow-repo.ts';
import { seedFlowsFromFiles } from './seed-flows-from-files.ts';

/**
 * The flows the bot runs, loaded from the database: every saved version stays in the catalog
 * so a conversation continues on the version it started on, across edits and restarts.
 *
 * Templates (the `flows` table, seeded from the flow files) are shared. A business's own flow
 * (`business_flows`) that was saved from a template keeps the template's id, so
 * `businesses.flow_id` stays "default" when an owner edits "default". For that business its own
 * flow replaces the template with the same id, and no other business's catalog contains it.
 */
export interface FlowRegistry {
  /** The templates plus the business's own flows, or the templates alone for null. */
  catalogFor(businessId: string | null): FlowCatalog;
  engineFor: ReplyEngineFactory;
  /** The model that helps read messages, or null for rules only. */
  interpreter: LeadInterpreter | null;
  /**
   * Adds a version saved by this process, to the templates (null) or to one business's flows.
   * `isCurrent` makes new conversations start on it.
   */
  register(flow: Flow, options: { businessId: string | null; isCurrent: boolean }): void;
}

export interface CreateFlowRegistryOptions {
  db: Database;
  /** Flow files copied into the database first; null skips that. */
  flowsDir: string | null;
  log: Logger;
  interpreter?: LeadInterpreter | null;
}

interface MutableCatalog {
  current: Map<string, Flow>;
  versions: Map<string, Flow>;
}

/**
 * Seeds the database from the flow files, then loads every stored version. A stored version
 * keeps the hash it was saved under even if a newer parser would hash it differently, because
 * conversations refer to that hash.
 */
export async function createFlowRegistry(
  options: CreateFlowRegistryOptions,
): Promise<FlowRegistry> {
  const { db, log } = options;
  if (options.flowsDir !== null) {
    await seedFlowsFromFiles(db, options.flowsDir, log);
  }
  const templates = emptyCatalog();
  const templateFlows = await listStoredFlows(db);
  const templateHashes = new Map(templateFlows.map((flow) => [flow.id, flow.currentHash]));
  for (const row of await listAllFlowVersions(db)) {
    addStoredVersion(templates, row, templateHashes.get(row.flowId), log);
  }

  const owned = new Map<string, MutableCatalog>();
  const ownedOf = (businessId: string): MutableCatalog => {
    let catalog = owned.get(businessId);
    if (catalog === undefined) {
      catalog = emptyCatalog();
      owned.set(businessId, catalog);
    }
    return catalog;
  };
  const ownedFlows = await listAllBusinessFlows(db);
  const ownedHashes = new Map(
    ownedFlows.map((flow) => [`${flow.businessId}/${flow.id}`, flow.currentHash]),
  );
  for (const row of await listAllBusinessFlowVersions(db)) {
    const currentHash = ownedHashes.get(`${row.businessId}/${row.flowId}`);
    addStoredVersion(ownedOf(row.businessId), row, currentHash, log, row.businessId);
  }

  // Merged catalogs are cached per business and dropped when a version is registered.
  const merged = new Map<string, FlowCatalog>();
  const catalogFor = (businessId: string | null): FlowCatalog => {
    const own = businessId === null ? undefined : owned.get(businessId);
    if (businessId === null || own === undefined) {
      return templates;
    }
    let catalog = merged.get(businessId);
    if (catalog === undefined) {
      catalog = {
        current: new Map([...templates.current, ...own.current]),
        versions: new Map([...templates.versions, ...own.versions]),
      };
      merged.set(businessId, catalog);
    }
    return catalog;
  };
  const interpreter = options.interpreter ?? null;
  const versionCount = [...owned.values()].reduce((sum, own) => sum + own.versions.size, 0);
  const counts = { flows: templates.current.size, versions: templates.versions.size };
  log.info({ ...counts, businessFlowVersions: versionCount }, 'flows loaded');

  return {
    catalogFor,
    engineFor: (flowId, businessId) =>
      createFlowEngine({ catalog: catalogFor(businessId), startFlowId: flowId, interpreter }),
    interpreter,
    register: (flow, { businessId, isCurrent }) => {
      const target = businessId === null ? templates : ownedOf(businessId);
      target.versions.set(versionKey(flow.id, flow.hash), flow);
      if (isCurrent) {
        target.current.set(flow.id, flow);
      }
      if (businessId === null) {
        merged.clear();
      } else {
        merged.delete(businessId);
      }
    },
  };
}

function emptyCatalog(): MutableCatalog {
  return { current: new Map(), versions: new Map() };
}

function addStoredVersion(
  catalog: MutableCatalog,
  row: StoredFlowVersionWithSource,
  currentHash: string | undefined,
  log: Logger,
  businessId?: string,
): void {
  const parsed = parseFlow(row.source, `${row.flowId}@${row.number}`);
  if (!parsed.ok) {
    const problems = parsed.problems.map(formatFlowProblem);
    const fields = { businessId, flowId: row.flowId, hash: row.hash, problems };
    log.error(fields, 'stored flow version no longer parses');
    return;
  }
  const flow = { ...parsed.flow, hash: row.hash };
  catalog.versions.set(versionKey(flow.id, flow.hash), flow);
  if (currentHash === row.hash) {
    catalog.current.set(flow.id, flow);
  }
}
