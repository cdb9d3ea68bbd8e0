/** One reason a flow file was rejected, located as closely as the YAML allows. */
export interface FlowProblem {
  file: string;
  /** 1-based line in the file, or null when the problem has no single place. */
  line: number | null;
  stepId: string | null;
  /** Dotted path inside the step (or the file, for top-level fields), such as `when.0.next`. */
  field: string | null;
  message: string;
}

/** Formats a problem as `flows/x.yaml:12: step "ask_name", field "next": <message>`. */
export function formatFlowProblem(problem: FlowProblem): string {
  const place = problem.line === null ? problem.file : `${problem.file}:${problem.line}`;
  const parts: string[] = [];
  if (problem.stepId !== null) {
    parts.push(`step "${problem.stepId}"`);
  }
  if (problem.field !== null && problem.field !== '') {
    parts.push(`field "${problem.field}"`);
  }
  const subject = parts.length > 0 ? ` ${parts.join(', ')}:` : '';
  return `${place}:${subject} ${problem.message}`;
}
