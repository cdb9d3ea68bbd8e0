import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatFlowProblem } from '../../bot/flows/flow-problem.ts';
import { parseFlow } from '../../bot/flows/parse-flow.ts';
import type { Database } from '../db/open-database.ts';
import type { Logger } from '../lib/logger.ts';
import { findFlowVersion, findStoredFlow, storeFlowVersion } from './flow-repo.ts';

/**
 * Copies the flow files into the database. A flow that is not stored yet is created from its
 * file. A stored flow follows its file while every change came from files. Once an owner saves
 * a version through the API, file changes to that flow are logged and not applied. Invalid
 * files are logged and skipped.
 */
export async function seedFlowsFromFiles(db: Database, directory: string, log: Logger): Promise<void> {
  const names = (await readdir(directory)).filter((name) => /\.ya?ml$/i.test(name)).sort();
  const seen = new Set<string>();
  for (const name of names) {
    const file = path.join(directory, name);
    const source = await readFile(file, 'utf8');
    const parsed = parseFlow(source, file);
    if (!parsed.ok) {
      const problems = parsed.problems.map(formatFlowProblem);
      log.error({ file, problems }, 'flow file skipped because it is invalid');
      continue;
    }
    const flow = parsed.flow;
    if (seen.has(flow.id)) {
      log.error({ file, flowId: flow.id }, 'flow file skipped because another file has its id');
      continue;
    }
    seen.add(flow.id);
    const stored = await findStoredFlow(db, flow.id);
    if (stored !== null && stored.currentHash === flow.hash) {
      continue;
    }
    const current = stored === null ? null : await findFlowVersion(db, flow.id, stored.currentHash);
    if (current !== null && current.origin === 'api') {
      log.info({ file, flowId: flow.id }, 'flow file changed but the flow was edited through the API; kept');
      continue;
    }
    const version = {
      flowId: flow.id,
      name: flow.name,
      hash: flow.hash,
      label: flow.version,
      source,
      origin: 'file' as const,
    };
    const result = await storeFlowVersion(db, version);
    log.info({ file, flowId: flow.id, number: result.version.number }, 'flow loaded from file');
  }
}
