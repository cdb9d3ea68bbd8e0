import { describe, expect, it } from 'vitest';
import { extractOtherSlots } from '../../bot/understanding/extract-other-slots.ts';
import type { SlotCandidate } from '../../bot/understanding/extract-other-slots.ts';
import { fixedNow, timeZone } from './support/test-context.ts';

const candidates: SlotCandidate[] = [
  { name: 'name', kind: 'name', previous: undefined },
  { name: 'when', kind: 'datetime', previous: undefined },
  { name: 'zip', kind: 'zip', previous: undefined },
  { name: 'email', kind: 'email', previous: undefined },
  { name: 'callback', kind: 'phone', previous: undefined },
];
const options = { now: fixedNow, timeZone };

describe('extractOtherSlots', () => {
  it('reads a name, a time and leaves the need', () => {
    const result = extractOtherSlots('Ana, leaking heater, tomorrow 9am', candidates, options);

    expect(result.matches.get('name')?.value).toBe('Ana');
    expect(result.matches.get('when')?.value).toBe('2025-03-05T09:00:00-06:00');
    expect(result.remainder).toBe('leaking heater');
  });

  it('reads contact details from one sentence and keeps the sentence', () => {
    const text = 'this is Dev, ac is out at 60614, reach me at dev@example.com or 312-555-0142';

    const result = extractOtherSlots(text, candidates, options);

    expect(result.matches.get('name')?.value).toBe('Dev');
    expect(result.matches.get('zip')?.value).toBe('60614');
    expect(result.matches.get('email')?.value).toBe('dev@example.com');
    expect(result.matches.get('callback')?.value).toBe('+13125550142');
    expect(result.remainder).toBe('ac is out at 60614');
  });

  it('does not read a lowercase first word as a name', () => {
    const result = extractOtherSlots('leak, tomorrow', candidates, options);

    expect(result.matches.has('name')).toBe(false);
  });

  it('does not read a past time as the preferred time', () => {
    const result = extractOtherSlots('heater died since Monday', candidates, options);

    expect(result.matches.has('when')).toBe(false);
    expect(result.remainder).toBe('heater died since Monday');
  });
});
