import type { CaseScore } from './score-case.ts';

export interface EvalReport {
  text: string;
  slotAccuracy: { slot: string; accuracy: number }[];
}

/** Formats per-slot and per-outcome accuracy as plain-text tables, with misses on request. */
export function formatEvalReport(title: string, scores: CaseScore[], showFailures: boolean): EvalReport {
  const bySlot = new Map<string, { correct: number; total: number }>();
  for (const score of scores) {
    for (const slot of score.slots) {
      const entry = bySlot.get(slot.slot) ?? { correct: 0, total: 0 };
      entry.total += 1;
      entry.correct += slot.isCorrect ? 1 : 0;
      bySlot.set(slot.slot, entry);
    }
  }
  const byOutcome = new Map<string, { correct: number; total: number }>();
  for (const score of scores) {
    const key = score.expectedOutcome ?? 'in progress';
    const entry = byOutcome.get(key) ?? { correct: 0, total: 0 };
    entry.total += 1;
    entry.correct += score.isOutcomeCorrect ? 1 : 0;
    byOutcome.set(key, entry);
  }

  const lines = [`${title}: ${scores.length} cases`, '', 'slot             correct  accuracy'];
  const slotAccuracy = [...bySlot]
    .sort(([left], [right]) => left.localeCompare(right))
    .map(([slot, { correct, total }]) => {
      lines.push(row(slot, correct, total));
      return { slot, accuracy: correct / total };
    });
  lines.push('', 'outcome          correct  accuracy');
  for (const [outcome, { correct, total }] of [...byOutcome].sort(([left], [right]) => left.localeCompare(right))) {
    lines.push(row(outcome, correct, total));
  }
  if (showFailures) {
    lines.push('', 'misses:');
    for (const score of scores) {
      for (const slot of score.slots.filter((entry) => !entry.isCorrect)) {
        lines.push(`  ${score.id} ${slot.slot}: expected ${JSON.stringify(slot.expected)}, got ${JSON.stringify(slot.actual ?? null)}`);
      }
      if (!score.isOutcomeCorrect) {
        lines.push(`  ${score.id} outcome: expected ${score.expectedOutcome}, got ${score.actualOutcome}`);
      }
    }
  }
  return { text: lines.join('\n'), slotAccuracy };
}

function row(name: string, correct: number, total: number): string {
  const percent = ((correct / total) * 100).toFixed(1).padStart(6);
  return `${name.padEnd(16)} ${`${correct}/${total}`.padStart(7)}  ${percent}%`;
}
