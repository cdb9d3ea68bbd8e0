import { DateTime } from 'luxon';
import type { BusinessHours } from '../businesses/business.ts';
import type { Holiday } from '../settings/holidays.ts';

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** Days searched for the next open hour; a business closed this long is treated as open. */
const searchDays = 14;

/**
 * Returns `at` when the business is open then, else the start of its next open period, skipping
 * holidays. A business with no hours counts as always open. Periods that close before they open
 * run past midnight, as in the bot's `isBusinessOpen`.
 */
export function findBusinessOpenTime(
  at: Date,
  options: { timeZone: string; hours: BusinessHours; holidays: Holiday[] },
): Date {
  if (Object.keys(options.hours).length === 0) {
    return at;
  }
  const holidayDates = new Set(options.holidays.map((holiday) => holiday.date));
  const local = DateTime.fromJSDate(at, { zone: options.timeZone });
  for (let offset = -1; offset <= searchDays; offset += 1) {
    const day = local.plus({ days: offset }).startOf('day');
    if (holidayDates.has(day.toISODate() ?? '')) {
      continue;
    }
    const periods = options.hours[weekdays[day.weekday - 1] ?? 'mon'] ?? [];
    const starts = periods
      .map((period) => ({ open: atClock(day, period.open), close: closeOf(day, period) }))
      .sort((left, right) => left.open.toMillis() - right.open.toMillis());
    for (const period of starts) {
      if (local >= period.open && local < period.close) {
        return at;
      }
      if (period.open > local) {
        return period.open.toJSDate();
      }
    }
  }
  return at;
}

/** Whether the business is open at `at`, with holidays closed all day. */
export function isBusinessOpenAt(
  at: Date,
  options: { timeZone: string; hours: BusinessHours; holidays: Holiday[] },
): boolean {
  return findBusinessOpenTime(at, options).getTime() === at.getTime();
}

function closeOf(day: DateTime, period: { open: string; close: string }): DateTime {
  const close = atClock(day, period.close);
  return period.close <= period.open ? close.plus({ days: 1 }) : close;
}

function atClock(day: DateTime, clock: string): DateTime {
  const [hour, minute] = clock.split(':').map(Number);
  return day.set({ hour: hour ?? 0, minute: minute ?? 0, second: 0, millisecond: 0 });
}
