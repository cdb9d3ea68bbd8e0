import { parse as parseYaml } from 'yaml';
import { workflowDefinitionSchema } from './workflow-definition.ts';
import type { WorkflowDefinition } from './workflow-definition.ts';

export type ParseWorkflowResult =
  | { ok: true; definition: WorkflowDefinition }
  | { ok: false; problems: { field: string; message: string }[] };

/** Parses a workflow written in YAML (JSON is YAML too) and checks it against the schema. */
export function parseWorkflowSource(source: string): ParseWorkflowResult {
  let document: unknown;
  try {
    document = parseYaml(source);
  } catch (err) {
    return { ok: false, problems: [{ field: '', message: `Invalid YAML: ${err instanceof Error ? err.message : String(err)}` }] };
  }
  const parsed = workflowDefinitionSchema.safeParse(document);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })),
    };
  }
  return { ok: true, definition: parsed.data };
}
