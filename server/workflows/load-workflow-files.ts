import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../lib/logger.ts';
import { parseWorkflowSource } from './parse-workflow-source.ts';
import type { WorkflowDefinition } from './workflow-definition.ts';

/**
 * Loads every `.yaml` file in `directory` (the bot's flows live one level up, so neither loader
 * reads the other's files). An invalid file, or one repeating a key, is skipped and logged.
 */
export async function loadWorkflowFiles(directory: string, log: Logger): Promise<WorkflowDefinition[]> {
  if (!existsSync(directory)) {
    return [];
  }
  const names = (await readdir(directory)).filter((name) => /\.ya?ml$/i.test(name)).sort();
  const definitions: WorkflowDefinition[] = [];
  for (const name of names) {
    const file = path.join(directory, name);
    const result = parseWorkflowSource(await readFile(file, 'utf8'));
    if (!result.ok) {
      log.error({ file, problems: result.problems }, 'workflow file is invalid and was skipped');
      continue;
    }
    if (definitions.some((definition) => definition.key === result.definition.key)) {
      log.error({ file, key: result.definition.key }, 'workflow key is used by an earlier file; file skipped');
      continue;
    }
    definitions.push(result.definition);
  }
  return definitions;
}
