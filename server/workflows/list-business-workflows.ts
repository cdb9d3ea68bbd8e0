import type { Database } from '../db/open-database.ts';
import type { WorkflowDefinition } from './workflow-definition.ts';
import { listStoredWorkflows } from './workflow-repo.ts';

export interface BusinessWorkflow {
  definition: WorkflowDefinition;
  /** `file` for a workflow from `flows/workflows/`, `api` for the business's own. */
  origin: 'file' | 'api';
}

/** The business's workflows: its own, plus each file workflow whose key it has not replaced. */
export async function listBusinessWorkflows(
  db: Database,
  businessId: string,
  fileWorkflows: WorkflowDefinition[],
): Promise<BusinessWorkflow[]> {
  const stored = await listStoredWorkflows(db, businessId);
  const storedKeys = new Set(stored.map((workflow) => workflow.key));
  return [
    ...fileWorkflows
      .filter((definition) => !storedKeys.has(definition.key))
      .map((definition) => ({ definition, origin: 'file' as const })),
    ...stored.map((workflow) => ({ definition: workflow.definition, origin: 'api' as const })),
  ];
}
