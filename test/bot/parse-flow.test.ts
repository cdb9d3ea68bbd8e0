import { describe, expect, it } from 'vitest';
import { formatFlowProblem } from '../../bot/flows/flow-problem.ts';
import { loadFlows } from '../../bot/flows/load-flows.ts';
import { parseFlow } from '../../bot/flows/parse-flow.ts';
import type { FlowProblem } from '../../bot/flows/flow-problem.ts';
import { flowFromYaml } from './support/test-context.ts';

const validFlow = `id: tiny
version: 1
name: Tiny
start: need
steps:
  need:
    type: ask
    slot: need
    kind: text
    next: done
  done:
    type: end
    text: Thanks!
    outcome: qualified
`;

function problemsOf(source: string): FlowProblem[] {
  const result = parseFlow(source, 'flows/junk.yaml');
  return result.ok ? [] : result.problems;
}

describe('parseFlow', () => {
  it('accepts steps written as a map', () => {
    const result = parseFlow(validFlow, 'flows/tiny.yaml');

    expect(result.ok).toBe(true);
  });

  it('accepts steps written as a list', () => {
    const source = `id: tiny
version: "2"
name: Tiny
start: need
steps:
  - id: need
    type: ask
    slot: need
    kind: text
    next: done
  - id: done
    type: end
    outcome: discarded
`;

    const result = parseFlow(source, 'flows/tiny.yaml');

    expect(result.ok).toBe(true);
  });

  it('names file, line, step and field of an unknown next step', () => {
    const source = validFlow.replace('next: done', 'next: dnoe');

    const [problem] = problemsOf(source);

    expect(problem).toEqual({
      file: 'flows/junk.yaml',
      line: 10,
      stepId: 'need',
      field: 'next',
      message: 'unknown step "dnoe"',
    });
    expect(formatFlowProblem(problem as FlowProblem)).toBe(
      'flows/junk.yaml:10: step "need", field "next": unknown step "dnoe"',
    );
  });

  it('rejects an unknown slot kind', () => {
    const source = validFlow.replace('kind: text', 'kind: colour');

    const [problem] = problemsOf(source);

    expect(problem?.stepId).toBe('need');
    expect(problem?.field).toBe('kind');
    expect(problem?.line).toBe(9);
    expect(problem?.message).toMatch(/unknown slot kind "colour"; use one of text, name/);
  });

  it('rejects a template with an unknown field', () => {
    const source = validFlow.replace('text: Thanks!', 'text: Thanks {{contact.nickname}}!');

    const [problem] = problemsOf(source);

    expect(problem?.stepId).toBe('done');
    expect(problem?.field).toBe('text');
    expect(problem?.message).toMatch(/Unknown field "contact.nickname"/);
  });

  it('accepts declared slots in templates and rejects undeclared ones', () => {
    const declared = validFlow.replace('text: Thanks!', 'text: Thanks, noted {{slots.need}}');
    const undeclared = validFlow.replace('text: Thanks!', 'text: Noted {{slots.budget}}');

    const declaredProblems = problemsOf(declared);
    const undeclaredProblems = problemsOf(undeclared);

    expect(declaredProblems).toEqual([]);
    expect(undeclaredProblems[0]?.message).toMatch(/Unknown field "slots.budget"; .*slots.need/);
  });

  it('rejects a loop with no ask step', () => {
    const source = `id: loop
version: "1"
name: Loop
start: need
steps:
  need: { type: ask, slot: need, kind: text, next: first }
  first: { type: message, text: One, next: second }
  second:
    type: branch
    when:
      - { slot: need, filled: true, next: first }
    default: first
`;

    const problems = problemsOf(source);

    expect(problems).toHaveLength(1);
    expect(problems[0]?.stepId).toBe('first');
    expect(problems[0]?.message).toBe(
      'steps first -> second -> first form a loop with no ask step, ' +
        'so the bot would never wait for the lead',
    );
  });

  it('rejects an unknown step type and an unknown field', () => {
    const source = validFlow
      .replace('type: end', 'type: finish')
      .replace('next: done', 'next: done\n    nxt: done');

    const problems = problemsOf(source);

    expect(problems.map((problem) => [problem.stepId, problem.field, problem.line])).toEqual([
      ['need', 'nxt', 11],
      ['done', 'type', 13],
    ]);
    expect(problems[0]?.message).toBe('unknown field "nxt"');
    expect(problems[1]?.message).toMatch(/unknown step type; use one of message, ask/);
  });

  it('rejects a start step that is not an ask step', () => {
    const source = validFlow.replace('start: need', 'start: done');

    const [problem] = problemsOf(source);

    expect(problem?.field).toBe('start');
    expect(problem?.line).toBe(4);
    expect(problem?.message).toMatch(/must be an ask step/);
  });

  it('rejects links other than the booking link', () => {
    const source = validFlow.replace('text: Thanks!', 'text: See www.example.com for more');

    const [problem] = problemsOf(source);

    expect(problem?.message).toBe(
      'contains the link "www.example.com"; only {{business.booking_link}} may be sent',
    );
  });

  it('rejects a choice step without choices and a booking text without the link', () => {
    const source = `id: junk
version: "1"
name: Junk
start: pick
steps:
  pick: { type: ask, slot: pick, kind: choice, next: book }
  book: { type: booking, text: We will be in touch }
`;

    const problems = problemsOf(source);

    expect(problems.map((problem) => `${problem.stepId}.${problem.field}`)).toEqual([
      'pick.choices',
      'book.text',
    ]);
  });

  it('reports missing fields and invalid YAML', () => {
    const missing = problemsOf('id: junk\nname: Junk\n');
    const broken = problemsOf('id: junk\nsteps: [\n');

    expect(missing.map((problem) => problem.field)).toEqual(['version', 'start', 'steps']);
    expect(missing[0]?.message).toBe('missing required field');
    expect(broken[0]?.message).toMatch(/^invalid YAML/);
    expect(broken[0]?.line).not.toBeNull();
  });
});

describe('YAML errors', () => {
  it('reads as one clause with the line apart', () => {
    const source = validFlow.replace('    kind: text\n', '    kind: text: long\n');

    const problems = problemsOf(source);

    expect(problems).toEqual([
      {
        file: 'flows/junk.yaml',
        line: 9,
        stepId: null,
        field: null,
        message: 'invalid YAML: Nested mappings are not allowed in compact mappings',
      },
    ]);
    expect(formatFlowProblem(problems[0]!)).toBe(
      'flows/junk.yaml:9: invalid YAML: Nested mappings are not allowed in compact mappings',
    );
  });

  it('drops the position and the snippet from every message', () => {
    const sources = [
      'id: junk\nsteps: [\n',
      'id: junk\nid: again\n',
      'id: "junk\n',
      'steps:\n  x: {a: 1\n',
    ];

    const messages = sources.flatMap((source) => problemsOf(source).map((problem) => problem.message));

    expect(messages.length).toBeGreaterThanOrEqual(sources.length);
    for (const message of messages) {
      expect(message).toMatch(/^invalid YAML: \S/);
      expect(message).not.toMatch(/at line \d+|column \d+|:$|\n/);
    }
  });
});

describe('flow version hash', () => {
  it('changes when the flow changes', () => {
    const original = flowFromYaml(validFlow);
    const edited = flowFromYaml(validFlow.replace('text: Thanks!', 'text: Thank you!'));

    expect(original.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(edited.hash).not.toBe(original.hash);
  });

  it('ignores comments, layout and key order', () => {
    const reordered = `# a comment
version: 1
id: tiny
name:   Tiny
start: need
steps:
  need: { next: done, type: ask, slot: need, kind: text }
  done: { type: end, outcome: qualified, text: Thanks! }
`;

    const original = flowFromYaml(validFlow);
    const same = flowFromYaml(reordered);

    expect(same.hash).toBe(original.hash);
  });
});

describe('loadFlows', () => {
  it('loads the shipped flows without problems', async () => {
    const { catalog, problems } = await loadFlows('flows');

    expect(problems).toEqual([]);
    expect([...catalog.current.keys()].sort()).toEqual(['default', 'dental', 'hvac-emergency']);
  });
});
