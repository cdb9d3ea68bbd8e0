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
import { listAllBusinessFlowVersions, listAllBusinessFlows, listBusinessFlows } from './business-flow-repo.ts';
import { listAllFlowVersions, listStoredFlows } from './flow-repo.ts';
import type { StoredFlowVersionWithSource } from './flow-repo.ts';
import { readFlowFingerprints } from './read-flow-fingerprints.ts';
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
  /**
   * Reloads the templates, and the business's own flows when given, if another server process
   * saved a version since they were loaded. Call it before reading the catalog.
   */
  refresh(businessId: string | null): Promise<void>;
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
  let templatesSeen = (await readFlowFingerprints(db, null)).templates;
  let templates = await loadTemplates(db, log);
  const owned = await loadAllOwned(db, log);
  const ownedSeen = new Map<string, string>();

  // Merged catalogs are cached per business and dropped when its flows or the templates change.
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
      const target = businessId === null ? templates : ownedOf(owned, businessId);
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
    refresh: async (businessId) => {
      // The fingerprints are read before the flows, so a save in between only costs another load.
      const fingerprints = await readFlowFingerprints(db, businessId);
      if (fingerprints.templates !== templatesSeen) {
        templates = await loadTemplates(db, log);
        templatesSeen = fingerprints.templates;
        merged.clear();
        log.info({ flows: templates.current.size }, 'flow templates reloaded');
      }
      if (businessId !== null && fingerprints.owned !== ownedSeen.get(businessId)) {
        owned.set(businessId, await loadOwned(db, businessId, log));
        ownedSeen.set(businessId, fingerprints.owned);
        merged.delete(businessId);
      }
    },
  };
}

async function loadTemplates(db: Database, log: Logger): Promise<MutableCatalog> {
  const catalog = emptyCatalog();
  const currentHashes = new Map((await listStoredFlows(db)).map((flow) => [flow.id, flow.currentHash]));
  for (const row of await listAllFlowVersions(db)) {
    addStoredVersion(catalog, row, currentHashes.get(row.flowId), log);
  }
  return catalog;
}

async function loadAllOwned(db: Database, log: Logger): Promise<Map<string, MutableCatalog>> {
  const owned = new Map<string, MutableCatalog>();
  const currentHashes = new Map(
    (await listAllBusinessFlows(db)).map((flow) => [`${flow.businessId}/${flow.id}`, flow.currentHash]),
  );
  for (const row of await listAllBusinessFlowVersions(db)) {
    const currentHash = currentHashes.get(`${row.businessId}/${row.flowId}`);
    addStoredVersion(ownedOf(owned, row.businessId), row, currentHash, log, row.businessId);
  }
  return owned;
}

async function loadOwned(db: Database, businessId: string, log: Logger): Promise<MutableCatalog> {
  const catalog = emptyCatalog();
  const currentHashes = new Map((await listBusinessFlows(db, businessId)).map((flow) => [flow.id, flow.currentHash]));
  for (const row of await listAllBusinessFlowVersions(db, businessId)) {
    addStoredVersion(catalog, row, currentHashes.get(row.flowId), log, businessId);
  }
  return catalog;
}

function ownedOf(owned: Map<string, MutableCatalog>, businessId: string): MutableCatalog {
  let catalog = owned.get(businessId);
  if (catalog === undefined) {
    catalog = emptyCatalog();
    owned.set(businessId, catalog);
  }
  return catalog;
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
