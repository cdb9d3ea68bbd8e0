import type { FlowProblem } from './flows-api.ts';

/** Pixel height of one line; the textarea and the gutter share it so markers line up. */
const lineHeight = 20;

export interface YamlEditorProps {
  value: string;
  onChange: (value: string) => void;
  problems: FlowProblem[];
}

/**
 * Renders a plain-text YAML editor with line numbers. Each problem is marked in the gutter and its
 * message is shown at the end of the line it belongs to.
 */
export function YamlEditor({ value, onChange, problems }: YamlEditorProps) {
  const lineCount = value.split('\n').length;
  const byLine = new Map<number, FlowProblem[]>();
  for (const problem of problems) {
    if (problem.line !== null) {
      byLine.set(problem.line, [...(byLine.get(problem.line) ?? []), problem]);
    }
  }

  return (
    <div className="yaml-editor" style={{ ['--line-height' as string]: `${lineHeight}px` }}>
      <div className="yaml-editor-inner" style={{ height: (lineCount + 2) * lineHeight }}>
        <div className="yaml-gutter" aria-hidden="true">
          {Array.from({ length: lineCount }, (_unused, index) => {
            const line = index + 1;
            return (
              <div key={line} className={byLine.has(line) ? 'yaml-line-number yaml-line-error' : 'yaml-line-number'}>
                {line}
              </div>
            );
          })}
        </div>
        <div className="yaml-code">
          {[...byLine.entries()].map(([line, lineProblems]) => (
            <div key={line} className="yaml-problem-band" style={{ top: (line - 1) * lineHeight }} data-line={line}>
              <span className="yaml-problem-message" role="alert">
                {lineProblems.map(describeProblem).join(' · ')}
              </span>
            </div>
          ))}
          <textarea
            aria-label="Flow YAML"
            spellCheck={false}
            wrap="off"
            value={value}
            onChange={(event) => onChange(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Tab') {
                event.preventDefault();
                const target = event.currentTarget;
                const start = target.selectionStart;
                onChange(`${value.slice(0, start)}  ${value.slice(target.selectionEnd)}`);
                requestAnimationFrame(() => target.setSelectionRange(start + 2, start + 2));
              }
            }}
          />
        </div>
      </div>
    </div>
  );
}

export function describeProblem(problem: FlowProblem): string {
  const place = [problem.stepId ? `step ${problem.stepId}` : null, problem.field ? `field ${problem.field}` : null]
    .filter(Boolean)
    .join(', ');
  return place ? `${place}: ${problem.message}` : problem.message;
}
