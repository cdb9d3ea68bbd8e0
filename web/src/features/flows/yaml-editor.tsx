import { useImperativeHandle, useRef, useState } from 'react';
import type { Ref } from 'react';
import type { FlowProblem } from './flows-api.ts';

/** Pixel height of one line; the textarea and the gutter share it so markers line up. */
const lineHeight = 20;
const gutterWidth = 48;

/** The editor's methods for the page, such as opening a problem's line from the list. */
export interface YamlEditorHandle {
  showLine: (line: number) => void;
}

export interface YamlEditorProps {
  value: string;
  onChange: (value: string) => void;
  problems: FlowProblem[];
  ref?: Ref<YamlEditorHandle>;
}

/**
 * Renders a plain-text YAML editor with line numbers. Each problem is marked in the gutter and its
 * message is shown at the end of the line it belongs to, in full on hover.
 *
 * A hidden copy of the text sizes the textarea to its longest line, so the textarea never scrolls
 * itself and the surrounding box scrolls both ways. The gutter sticks to the left edge, and the
 * line numbers and problem marks stay on their lines however far the caret moves.
 */
export function YamlEditor({ value, onChange, problems, ref }: YamlEditorProps) {
  const scrollerRef = useRef<HTMLDivElement>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  // The message on the caret's line shrinks to a dot, so it never hides the text being typed.
  const [caretLine, setCaretLine] = useState<number | null>(null);
  const lineCount = value.split('\n').length;
  const byLine = groupByLine(problems);

  const showLine = (line: number) => {
    const textarea = textareaRef.current;
    const scroller = scrollerRef.current;
    if (!textarea || !scroller) {
      return;
    }
    const lines = value.split('\n');
    const index = Math.min(Math.max(line, 1), lines.length) - 1;
    const start = lines.slice(0, index).reduce((offset, text) => offset + text.length + 1, 0);
    textarea.focus({ preventScroll: true });
    textarea.setSelectionRange(start, start + (lines[index]?.length ?? 0));
    setCaretLine(index + 1);
    scroller.scrollTo({ left: 0, top: Math.max(0, index * lineHeight - scroller.clientHeight / 3) });
  };
  useImperativeHandle(ref, () => ({ showLine }));

  return (
    <div
      className="yaml-editor"
      ref={scrollerRef}
      style={{ ['--line-height' as string]: `${lineHeight}px`, ['--gutter-width' as string]: `${gutterWidth}px` }}
    >
      <div className="yaml-editor-inner">
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
          {/* Sizes the code column to the text, one extra line included, so the textarea need not scroll. */}
          <pre className="yaml-mirror" aria-hidden="true">
            {`${value}\n `}
          </pre>
          {[...byLine.entries()].map(([line, lineProblems]) => {
            const message = lineProblems.map(describeProblem).join(' · ');
            return (
              <div
                key={line}
                className={line === caretLine ? 'yaml-problem-band yaml-problem-band-caret' : 'yaml-problem-band'}
                style={{ top: (line - 1) * lineHeight }}
                data-line={line}
              >
                <button type="button" className="yaml-problem-message" title={message} onClick={() => showLine(line)}>
                  {message}
                </button>
              </div>
            );
          })}
          <textarea
            ref={textareaRef}
            aria-label="Flow YAML"
            spellCheck={false}
            wrap="off"
            value={value}
            onChange={(event) => onChange(event.target.value)}
            onSelect={(event) => {
              const target = event.currentTarget;
              setCaretLine(target.value.slice(0, target.selectionStart).split('\n').length);
            }}
            onBlur={() => setCaretLine(null)}
            onScroll={(event) => {
              // The textarea is as large as its text, so any scroll of its own would only move
              // the text away from the line numbers.
              event.currentTarget.scrollTop = 0;
              event.currentTarget.scrollLeft = 0;
            }}
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

function groupByLine(problems: FlowProblem[]): Map<number, FlowProblem[]> {
  const byLine = new Map<number, FlowProblem[]>();
  for (const problem of problems) {
    if (problem.line !== null) {
      byLine.set(problem.line, [...(byLine.get(problem.line) ?? []), problem]);
    }
  }
  return byLine;
}
