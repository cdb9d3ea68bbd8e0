import { useEffect, useRef, useState } from 'react';
import { describeError, isAbortError } from '../../lib/describe-error.ts';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import { flowsApi } from './flows-api.ts';
import type { FlowDetail, FlowProblem, FlowSummary } from './flows-api.ts';
import { FlowProblemList } from './flow-problem-list.tsx';
import { TestChat } from './test-chat.tsx';
import { YamlEditor } from './yaml-editor.tsx';
import type { YamlEditorHandle } from './yaml-editor.tsx';
import './flows.css';

/**
 * Owners edit a bot flow's YAML, see problems on their lines, try it and save a new version.
 * Saving a template stores the business's own copy, which its bot then runs instead.
 */
export function FlowEditorPage() {
  const [flows, setFlows] = useState<FlowSummary[]>([]);
  const [flowId, setFlowId] = useState<string | null>(null);
  const [flow, setFlow] = useState<FlowDetail | null>(null);
  const [source, setSource] = useState('');
  const [problems, setProblems] = useState<FlowProblem[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reloadCount, setReloadCount] = useState(0);
  const settledSource = useDebouncedValue(source, 300);
  const editorRef = useRef<YamlEditorHandle>(null);

  // The list is read again after a save, because saving a template makes it the business's own.
  useEffect(() => {
    const controller = new AbortController();
    flowsApi.list(controller.signal).then(
      (list) => {
        setFlows(list);
        setFlowId((current) => current ?? list[0]?.id ?? null);
      },
      (caught: unknown) => {
        if (!isAbortError(caught)) {
          setError(describeError(caught));
        }
      },
    );
    return () => controller.abort();
  }, [reloadCount]);

  useEffect(() => {
    if (!flowId) {
      return;
    }
    const controller = new AbortController();
    flowsApi.read(flowId, controller.signal).then(
      (detail) => {
        setFlow(detail);
        setSource(detail.current.source);
        setProblems([]);
      },
      (caught: unknown) => {
        if (!isAbortError(caught)) {
          setError(describeError(caught));
        }
      },
    );
    return () => controller.abort();
  }, [flowId, reloadCount]);

  useEffect(() => {
    if (settledSource === '') {
      return;
    }
    const controller = new AbortController();
    flowsApi.check(settledSource, controller.signal).then(
      (result) => setProblems(result.problems),
      (caught: unknown) => {
        if (!isAbortError(caught)) {
          setError(describeError(caught));
        }
      },
    );
    return () => controller.abort();
  }, [settledSource]);

  const isDirty = flow !== null && source !== flow.current.source;
  const isChecked = settledSource === source;
  const hasProblems = problems.length > 0;
  const showLine = (line: number) => editorRef.current?.showLine(line);
  const firstLine = problems.reduce<number | null>(
    (first, problem) => (problem.line !== null && (first === null || problem.line < first) ? problem.line : first),
    null,
  );

  const save = async () => {
    if (!flowId) {
      return;
    }
    setError(null);
    try {
      const { version } = await flowsApi.save(flowId, source);
      setStatus(`Saved as version ${version.number} of your own flow. New conversations start on it.`);
      setReloadCount((count) => count + 1);
    } catch (caught) {
      setError(describeError(caught));
    }
  };

  return (
    <div className="flow-editor">
      <header className="flow-editor-header">
        <div>
          <h1>Bot flows</h1>
          <p className="lead-muted">
            {flow ? `${flow.name} · version ${flow.versions[0]?.number ?? 1} · ${flow.versions.length} saved` : 'Loading…'}
          </p>
        </div>
        <div className="flow-editor-actions">
          <select aria-label="Flow" value={flowId ?? ''} onChange={(event) => setFlowId(event.target.value)}>
            {flows.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name} ({item.id}, {item.owner === 'business' ? 'your own' : 'template'})
              </option>
            ))}
          </select>
          <CheckBadge
            isLoaded={flow !== null}
            isChecked={isChecked}
            problemCount={problems.length}
            onShowFirst={firstLine === null ? null : () => showLine(firstLine)}
          />
          <button type="button" className="button" disabled={!isDirty} onClick={() => flow && setSource(flow.current.source)}>
            Discard
          </button>
          <button
            type="button"
            className="button-primary"
            disabled={!isDirty || hasProblems || !isChecked}
            onClick={() => void save()}
          >
            Save as new version
          </button>
        </div>
      </header>
      {error ? <p className="error-banner flow-editor-message">{error}</p> : null}
      {status && !isDirty ? <p className="flow-saved flow-editor-message">{status}</p> : null}
      <p className="flow-shared-note">
        {flow?.owner === 'business'
          ? 'This is your business\'s own copy of the flow, so saving changes only your bot.'
          : 'This is a template shared by every business. Saving creates your business\'s own copy, which only your bot uses, and leaves the template as it is.'}
      </p>
      <div className="flow-editor-body">
        <div className="flow-editor-main">
          <YamlEditor ref={editorRef} value={source} onChange={setSource} problems={problems} />
          <FlowProblemList problems={problems} onShowLine={showLine} />
        </div>
        <TestChat source={source} isDisabled={hasProblems || source === ''} />
      </div>
    </div>
  );
}

interface CheckBadgeProps {
  isLoaded: boolean;
  isChecked: boolean;
  problemCount: number;
  /** Opens the first problem's line, or null when no problem has a line. */
  onShowFirst: (() => void) | null;
}

function CheckBadge(props: CheckBadgeProps) {
  if (!props.isLoaded) {
    return <span className="flow-check">Loading…</span>;
  }
  if (!props.isChecked) {
    return <span className="flow-check">Checking…</span>;
  }
  if (props.problemCount > 0) {
    const label = `${props.problemCount} ${props.problemCount === 1 ? 'problem' : 'problems'}`;
    return (
      <span role="status">
        {props.onShowFirst ? (
          <button type="button" className="flow-check flow-check-bad" title="Show the first problem" onClick={props.onShowFirst}>
            {label}
          </button>
        ) : (
          <span className="flow-check flow-check-bad">{label}</span>
        )}
      </span>
    );
  }
  return (
    <span className="flow-check flow-check-good" role="status">
      No problems
    </span>
  );
}
