import { parse as parseYaml } from 'yaml';
import { describeYamlError } from '../../bot/flows/describe-yaml-error.ts';
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
    const { message, line, column } = describeYamlError(err);
    const position = line === null ? '' : ` (line ${line}, column ${column ?? 1})`;
    return { ok: false, problems: [{ field: '', message: `Invalid YAML: ${message}${position}` }] };
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
