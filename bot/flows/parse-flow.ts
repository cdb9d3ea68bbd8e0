import { LineCounter, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import type { z } from 'zod';
import { checkFlow } from './check-flow.ts';
import { describeYamlError } from './describe-yaml-error.ts';
import type { FlowCheckProblem } from './check-flow.ts';
import type { Flow } from './flow.ts';
import type { FlowProblem } from './flow-problem.ts';
import { flowFileSchema } from './flow-schema.ts';
import type { FlowFile, SlotKind } from './flow-schema.ts';
import { hashFlow } from './hash-flow.ts';
import { locateYamlPath } from './locate-yaml-path.ts';

export type ParseFlowResult = { ok: true; flow: Flow } | { ok: false; problems: FlowProblem[] };

type Path = (string | number)[];

/**
 * Parses and validates one flow's YAML source. `file` names the source in problems. `steps` may
 * be a list of steps with `id`, or a map from step id to step.
 */
export function parseFlow(source: string, file: string): ParseFlowResult {
  const characterProblem = findNonPrintableCharacter(source, file);
  if (characterProblem !== null) {
    return { ok: false, problems: [characterProblem] };
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, uniqueKeys: true });
  if (document.errors.length > 0) {
    const problems = document.errors.map((error) => {
      const { message, line } = describeYamlError(error);
      return { file, line, stepId: null, field: null, message: `invalid YAML: ${message}` };
    });
    return { ok: false, problems };
  }

  const converted = convertDocument(document, file);
  if (!converted.ok) {
    return converted;
  }
  const { value, stepKeys } = normalizeSteps(converted.value);
  const locate = createLocator(file, document, lineCounter, value, stepKeys);
  const parsed = flowFileSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => fromIssue(issue, value, locate));
    return { ok: false, problems: dedupe(problems) };
  }
  const checkProblems = checkFlow(parsed.data);
  if (checkProblems.length > 0) {
    const locateCheck = (problem: FlowCheckProblem) => locate(problem.path, problem.message);
    return { ok: false, problems: checkProblems.map(locateCheck) };
  }
  return { ok: true, flow: toFlow(parsed.data, file) };
}

// YAML 1.2 allows only printable characters (its `c-printable` production) in a stream, and
// PostgreSQL text columns reject NUL, so such a source is refused before it can be stored.
const nonPrintablePattern =
  /[^\t\n\r\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function findNonPrintableCharacter(source: string, file: string): FlowProblem | null {
  const match = nonPrintablePattern.exec(source);
  if (match === null) {
    return null;
  }
  const codePoint = match[0].codePointAt(0) ?? 0;
  const name = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  const line = source.slice(0, match.index).split('\n').length;
  const message = `invalid YAML: non-printable character ${name} is not allowed; remove it`;
  return { file, line, stepId: null, field: null, message };
}

/**
 * Converts the parsed document to plain values. The yaml library throws here rather than
 * reporting in `document.errors` when an alias is unresolved or when aliases expand too far
 * (its `maxAliasCount` guard against "billion laughs" sources), so those become problems.
 */
function convertDocument(
  document: Document,
  file: string,
): { ok: true; value: unknown } | { ok: false; problems: FlowProblem[] } {
  try {
    return { ok: true, value: document.toJS() };
  } catch (error) {
    const message = `invalid YAML: ${describeYamlError(error).message}`;
    return { ok: false, problems: [{ file, line: null, stepId: null, field: null, message }] };
  }
}

/** Turns a `steps` map into a list, keeping each step's original key for locating problems. */
function normalizeSteps(value: unknown): { value: unknown; stepKeys: (string | number)[] } {
  if (!isRecord(value) || !isRecord(value.steps)) {
    const steps = isRecord(value) && Array.isArray(value.steps) ? value.steps : [];
    return { value, stepKeys: steps.map((_step: unknown, index: number) => index) };
  }
  const entries = Object.entries(value.steps);
  const steps = entries.map(([id, step]) => (isRecord(step) ? { ...step, id } : step));
  return { value: { ...value, steps }, stepKeys: entries.map(([id]) => id) };
}

type Locate = (path: Path, message: string, key?: string) => FlowProblem;

function createLocator(
  file: string,
  document: Document,
  lineCounter: LineCounter,
  value: unknown,
  stepKeys: (string | number)[],
): Locate {
  const steps = isRecord(value) && Array.isArray(value.steps) ? value.steps : [];
  return (path, message, key) => {
    const [top, stepIndex, ...rest] = path;
    const isStepPath = top === 'steps' && typeof stepIndex === 'number';
    const yamlPath = isStepPath ? ['steps', stepKeys[stepIndex] ?? stepIndex, ...rest] : path;
    const step: unknown = isStepPath ? steps[stepIndex] : undefined;
    const stepId = isRecord(step) && typeof step.id === 'string' ? step.id : null;
    const fieldPath = isStepPath ? rest : path;
    const fieldParts = key === undefined ? fieldPath : [...fieldPath, key];
    return {
      file,
      line: locateYamlPath(document, lineCounter, yamlPath, key),
      stepId: isStepPath ? (stepId ?? `#${stepIndex + 1}`) : null,
      field: fieldParts.length > 0 ? fieldParts.join('.') : null,
      message,
    };
  };
}

function fromIssue(issue: z.core.$ZodIssue, value: unknown, locate: Locate): FlowProblem {
  const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    return locate(path, `unknown field "${key}"`, key);
  }
  if (valueAt(value, path) === undefined) {
    return locate(path, 'missing required field');
  }
  return locate(path, issue.message);
}

function valueAt(value: unknown, path: Path): unknown {
  let current = value;
  for (const part of path) {
    if (typeof current !== 'object' || current === null) {
      return undefined;
    }
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}

function dedupe(problems: FlowProblem[]): FlowProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.stepId}|${problem.field}|${problem.message}`;
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}

function toFlow(data: FlowFile, file: string): Flow {
  const slots = new Map<string, SlotKind | null>();
  for (const step of data.steps) {
    if (step.type === 'ask') {
      slots.set(step.slot, step.kind);
    }
  }
  for (const step of data.steps) {
    for (const name of Object.keys(step.type === 'ask' ? {} : (step.set ?? {}))) {
      if (!slots.has(name)) {
        slots.set(name, null);
      }
    }
  }
  return {
    id: data.id,
    version: data.version,
    hash: hashFlow(data),
    name: data.name,
    file,
    start: data.start,
    settings: data.settings,
    faq: data.faq,
    steps: new Map(data.steps.map((step) => [step.id, step])),
    slots,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
