import { describe, expect, it } from 'vitest';
import { parseDatetime } from '../../bot/understanding/parse-datetime.ts';
import { fixedNow, timeZone } from './support/test-context.ts';

// fixedNow is Tuesday, March 4, 2025 at 10:30 in Chicago.
const answerCases: [string, string, string][] = [
  ['tomorrow at 3pm', '2025-03-05T15:00:00-06:00', 'Wed, Mar 5 at 3 PM'],
  ['Tomorrow 3 PM', '2025-03-05T15:00:00-06:00', 'Wed, Mar 5 at 3 PM'],
  ['tmrw 3p', '2025-03-05T15:00:00-06:00', 'Wed, Mar 5 at 3 PM'],
  ['tomorow at 10:30 a.m.', '2025-03-05T10:30:00-06:00', 'Wed, Mar 5 at 10:30 AM'],
  ['2moro around 9am', '2025-03-05T09:00:00-06:00', 'Wed, Mar 5 at 9 AM'],
  ['next Tue morning', '2025-03-11T09:00:00-05:00', 'Tue, Mar 11, morning'],
  ['this afternoon', '2025-03-04T13:00:00-06:00', 'Tue, Mar 4, afternoon'],
  ['friday 2:30', '2025-03-07T14:30:00-06:00', 'Fri, Mar 7 at 2:30 PM'],
  ['Saturday 11', '2025-03-08T11:00:00-06:00', 'Sat, Mar 8 at 11 AM'],
  ['thurs evening', '2025-03-06T17:00:00-06:00', 'Thu, Mar 6, evening'],
  ['at 9am', '2025-03-05T09:00:00-06:00', 'Wed, Mar 5 at 9 AM'],
  ['mañana a las 3', '2025-03-05T15:00:00-06:00', 'Wed, Mar 5 at 3 PM'],
  ['manana en la tarde', '2025-03-05T13:00:00-06:00', 'Wed, Mar 5, afternoon'],
  ['el viernes a las 10am', '2025-03-07T10:00:00-06:00', 'Fri, Mar 7 at 10 AM'],
  ['Thursday', '2025-03-06', 'Thu, Mar 6'],
  ['3/7 at 10', '2025-03-07T10:00:00-06:00', 'Fri, Mar 7 at 10 AM'],
  ['asap', 'asap', 'as soon as possible'],
  ['ASAP please!!', 'asap', 'as soon as possible'],
  ['as soon as possible', 'asap', 'as soon as possible'],
  ['right now', 'asap', 'as soon as possible'],
  ['lo antes posible', 'asap', 'as soon as possible'],
  ['anytime', 'anytime', 'any time'],
  ["whenever, I'm flexible", 'anytime', 'any time'],
];

describe('parseDatetime', () => {
  it.each(answerCases)('reads "%s"', (text, value, label) => {
    const match = parseDatetime(text, { now: fixedNow, timeZone, isAnswer: true });

    expect(match?.value).toBe(value);
    expect(match?.label).toBe(label);
  });

  it.each([
    'my water heater is leaking',
    'today at 9am',
    'yesterday at 5',
    "it's been leaking since Monday",
    'my heater broke this morning',
    '',
  ])('finds no future time in "%s"', (text) => {
    const match = parseDatetime(text, { now: fixedNow, timeZone, isAnswer: true });

    expect(match).toBeNull();
  });

  it('reads bare "now" only as an answer', () => {
    const asAnswer = parseDatetime('now', { now: fixedNow, timeZone, isAnswer: true });
    const inPassing = parseDatetime('now', { now: fixedNow, timeZone, isAnswer: false });

    expect(asAnswer?.value).toBe('asap');
    expect(inPassing).toBeNull();
  });

  it('keeps the earlier time of day when a correction names only a day', () => {
    const previous = '2025-03-05T09:00:00-06:00';

    const match = parseDatetime('actually Thursday', { now: fixedNow, timeZone, previous });

    expect(match?.value).toBe('2025-03-06T09:00:00-06:00');
    expect(match?.label).toBe('Thu, Mar 6 at 9 AM');
  });

  it('labels the time in the business time zone', () => {
    const now = new Date('2025-03-04T16:30:00Z');

    const match = parseDatetime('tomorrow at 3pm', { now, timeZone: 'America/Los_Angeles' });

    expect(match?.value).toBe('2025-03-05T15:00:00-08:00');
  });
});
