import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../db/open-database.ts';
import { workflows } from '../db/schema.ts';
import type { WorkflowDefinition } from './workflow-definition.ts';

export interface StoredWorkflow {
  key: string;
  source: string;
  definition: WorkflowDefinition;
  updatedAt: Date;
}

export async function listStoredWorkflows(db: Database, businessId: string): Promise<StoredWorkflow[]> {
  const rows = await db
    .select({ key: workflows.key, source: workflows.source, definition: workflows.definition, updatedAt: workflows.updatedAt })
    .from(workflows)
    .where(eq(workflows.businessId, businessId))
    .orderBy(asc(workflows.key));
  return rows.map((row) => ({ ...row, definition: row.definition as WorkflowDefinition }));
}

/** Stores a business's workflow, replacing one with the same key. */
export async function saveStoredWorkflow(
  db: Database,
  businessId: string,
  workflow: { source: string; definition: WorkflowDefinition },
): Promise<void> {
  const values = { businessId, key: workflow.definition.key, ...workflow };
  await db
    .insert(workflows)
    .values(values)
    .onConflictDoUpdate({
      target: [workflows.businessId, workflows.key],
      set: { source: workflow.source, definition: workflow.definition, updatedAt: new Date() },
    });
}

export async function deleteStoredWorkflow(db: Database, businessId: string, key: string): Promise<boolean> {
  const rows = await db
    .delete(workflows)
    .where(and(eq(workflows.businessId, businessId), eq(workflows.key, key)))
    .returning({ key: workflows.key });
  return rows.length === 1;
}
