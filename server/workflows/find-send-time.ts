import { DateTime } from 'luxon';

export interface SendWindow {
  /** 24-hour HH:MM, inclusive. */
  start: string;
  /** 24-hour HH:MM, exclusive. */
  end: string;
}

/**
 * Returns `at` when it falls inside the send window in `timeZone`, else the window's next start.
 * Works in wall-clock time with luxon, so on a DST change the window still opens at its local
 * time, and a skipped or repeated hour neither skips nor repeats a send.
 */
export function findSendTime(at: Date, timeZone: string, window: SendWindow): Date {
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  const start = atClock(local, window.start);
  const end = atClock(local, window.end);
  if (local >= start && local < end) {
    return at;
  }
  const nextStart = local < start ? start : atClock(local.plus({ days: 1 }), window.start);
  return nextStart.toJSDate();
}

/** Whether `at` falls inside the send window in `timeZone`. */
export function isInSendWindow(at: Date, timeZone: string, window: SendWindow): boolean {
  return findSendTime(at, timeZone, window).getTime() === at.getTime();
}

/** The next `clock` time in `timeZone` strictly after the day of `at` (for "next morning"). */
export function findNextMorning(at: Date, timeZone: string, clock: string): Date {
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  return atClock(local.plus({ days: 1 }), clock).toJSDate();
}

function atClock(day: DateTime, clock: string): DateTime {
  const [hour, minute] = clock.split(':').map(Number);
  return day.set({ hour: hour ?? 0, minute: minute ?? 0, second: 0, millisecond: 0 });
}
