import type { Flow } from '../../bot/flows/flow.ts';
import type { FlowProblem } from '../../bot/flows/flow-problem.ts';
import { parseFlow } from '../../bot/flows/parse-flow.ts';

/** Maximum flow source length in characters; each shipped flow is under 3,000. */
export const maxFlowSourceLength = 64_000;

export interface FlowOverview {
  id: string;
  name: string;
  label: string;
  hash: string;
  start: string;
  stepCount: number;
  slots: { name: string; kind: string | null }[];
}

export type ValidateFlowResult =
  | { valid: true; flow: Flow; overview: FlowOverview }
  | { valid: false; problems: FlowProblem[] };

/**
 * Parses and checks a flow's YAML without storing it. Problems name the line, step and field;
 * `file` is the name they carry, such as `default.yaml`.
 */
export function validateFlowSource(source: string, file = 'flow.yaml'): ValidateFlowResult {
  if (source.length > maxFlowSourceLength) {
    const message = `the flow is ${source.length} characters long; the limit is ${maxFlowSourceLength}`;
    return { valid: false, problems: [{ file, line: null, stepId: null, field: null, message }] };
  }
  const parsed = parseFlow(source, file);
  if (!parsed.ok) {
    return { valid: false, problems: parsed.problems };
  }
  return { valid: true, flow: parsed.flow, overview: describeFlow(parsed.flow) };
}

export function describeFlow(flow: Flow): FlowOverview {
  return {
    id: flow.id,
    name: flow.name,
    label: flow.version,
    hash: flow.hash,
    start: flow.start,
    stepCount: flow.steps.size,
    slots: [...flow.slots].map(([name, kind]) => ({ name, kind })),
  };
}
