import type { FlowStep } from './flow-schema.ts';

/**
 * Finds a cycle made only of message and branch steps, which would run forever within one turn
 * because nothing in it waits for the lead. Returns the step ids of the cycle, first id repeated
 * at the end, or null when there is none. Ask steps break a cycle because they wait.
 */
export function findWaitlessLoop(steps: readonly FlowStep[]): string[] | null {
  const byId = new Map(steps.map((step) => [step.id, step]));
  const finished = new Set<string>();

  const visit = (id: string, trail: string[]): string[] | null => {
    const step = byId.get(id);
    if (step === undefined || step.type === 'ask' || finished.has(id)) {
      return null;
    }
    const repeatAt = trail.indexOf(id);
    if (repeatAt !== -1) {
      return [...trail.slice(repeatAt), id];
    }
    for (const next of successorsOf(step)) {
      const loop = visit(next, [...trail, id]);
      if (loop !== null) {
        return loop;
      }
    }
    finished.add(id);
    return null;
  };

  for (const step of steps) {
    const loop = visit(step.id, []);
    if (loop !== null) {
      return loop;
    }
  }
  return null;
}

function successorsOf(step: FlowStep): string[] {
  if (step.type === 'message') {
    return [step.next];
  }
  if (step.type === 'branch') {
    return [...step.when.map((rule) => rule.next), step.default];
  }
  return [];
}
