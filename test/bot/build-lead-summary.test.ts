import { describe, expect, it } from 'vitest';
import { replaceSummaryOutcome } from '../../bot/engine/build-lead-summary.ts';

describe('replaceSummaryOutcome', () => {
  it.each([
    [
      'In progress: Ana · leaky faucet',
      'discarded',
      'Opted out',
      'Discarded (Opted out): Ana · leaky faucet',
    ],
    [
      'Needs a person (Lead asked for a person): John Smith',
      'qualified',
      null,
      'Qualified: John Smith',
    ],
    ['Discarded (Spam)', null, null, 'In progress'],
    ['Qualified', 'discarded', 'Opted out', 'Discarded (Opted out)'],
    [null, 'discarded', 'Opted out', 'Discarded (Opted out)'],
  ] as const)('turns "%s" into the new outcome', (summary, outcome, reason, expected) => {
    const replaced = replaceSummaryOutcome(summary, outcome, reason);

    expect(replaced).toBe(expected);
  });

  it('keeps details that only start like a heading', () => {
    const replaced = replaceSummaryOutcome('In progress: Qualified electrician wanted', null, null);

    expect(replaced).toBe('In progress: Qualified electrician wanted');
  });
});
