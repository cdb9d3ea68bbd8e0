import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createFlowCatalog } from './flow-catalog.ts';
import type { FlowCatalog } from './flow-catalog.ts';
import type { Flow } from './flow.ts';
import type { FlowProblem } from './flow-problem.ts';
import { parseFlow } from './parse-flow.ts';
import type { ParseFlowResult } from './parse-flow.ts';

export interface LoadFlowsResult {
  catalog: FlowCatalog;
  /** Problems in files that were skipped; empty when every file loaded. */
  problems: FlowProblem[];
}

export interface LoadFlowsOptions {
  /** The catalog from an earlier load, whose versions stay available to running conversations. */
  previous?: FlowCatalog;
}

/**
 * Loads every `.yaml` and `.yml` file in `directory`. Invalid files and files that repeat an
 * earlier file's flow id are skipped and reported in `problems`, so one bad file does not stop
 * the others from loading.
 */
export async function loadFlows(
  directory: string,
  options: LoadFlowsOptions = {},
): Promise<LoadFlowsResult> {
  const names = (await readdir(directory)).filter((name) => /\.ya?ml$/i.test(name)).sort();
  const flows: Flow[] = [];
  const problems: FlowProblem[] = [];
  const fileById = new Map<string, string>();
  for (const name of names) {
    const result = await loadFlowFile(path.join(directory, name));
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    const earlierFile = fileById.get(result.flow.id);
    if (earlierFile !== undefined) {
      problems.push({
        file: result.flow.file,
        line: null,
        stepId: null,
        field: 'id',
        message: `flow id "${result.flow.id}" is already used by ${earlierFile}`,
      });
      continue;
    }
    fileById.set(result.flow.id, result.flow.file);
    flows.push(result.flow);
  }
  return { catalog: createFlowCatalog(flows, options.previous), problems };
}

/** Reads and parses one flow file; a read failure is returned as a problem, not thrown. */
export async function loadFlowFile(filePath: string): Promise<ParseFlowResult> {
  let source: string;
  try {
    source = await readFile(filePath, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const problem = { file: filePath, line: null, stepId: null, field: null, message: reason };
    return { ok: false, problems: [{ ...problem, message: `could not read file: ${reason}` }] };
  }
  return parseFlow(source, filePath);
}
