import type { FlowProblem } from './flows-api.ts';
import { describeProblem } from './yaml-editor.tsx';

export interface FlowProblemListProps {
  problems: FlowProblem[];
  /** Moves the editor's caret to a line. */
  onShowLine: (line: number) => void;
}

/**
 * Lists every problem of the draft in full under the editor, by line. Clicking a problem opens
 * its line in the editor. A problem without a line, such as a missing top-level key, is text.
 */
export function FlowProblemList({ problems, onShowLine }: FlowProblemListProps) {
  if (problems.length === 0) {
    return null;
  }
  const sorted = [...problems].sort((left, right) => (left.line ?? 0) - (right.line ?? 0));
  return (
    <ul className="flow-problems" aria-label="Problems">
      {sorted.map((problem, index) => (
        <li key={`${problem.line ?? 'none'}-${index}`}>
          {problem.line === null ? (
            <span className="flow-problem-unplaced">{describeProblem(problem)}</span>
          ) : (
            <button type="button" onClick={() => problem.line !== null && onShowLine(problem.line)}>
              <span className="flow-problem-line">Line {problem.line}</span>
              <span>{describeProblem(problem)}</span>
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
