import { DateTime } from 'luxon';
import type { ConversationContext, Weekday } from './reply-engine.ts';

const weekdays: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/**
 * Checks whether the business is open at `context.now` in its own time zone. A business with no
 * hours at all counts as open; a period that closes before it opens runs past midnight.
 */
export function isBusinessOpen(context: ConversationContext): boolean {
  const hours = context.business.hours;
  if (hours === undefined || Object.keys(hours).length === 0) {
    return true;
  }
  const local = DateTime.fromJSDate(context.now, { zone: context.business.timeZone });
  const minute = local.hour * 60 + local.minute;
  const today = weekdays[local.weekday - 1] ?? 'mon';
  const yesterday = weekdays[(local.weekday + 5) % 7] ?? 'sun';
  const isOpenToday = (hours[today] ?? []).some((period) => {
    const open = toMinutes(period.open);
    const close = toMinutes(period.close);
    return close > open ? minute >= open && minute < close : minute >= open;
  });
  const isOpenFromYesterday = (hours[yesterday] ?? []).some((period) => {
    const open = toMinutes(period.open);
    const close = toMinutes(period.close);
    return close <= open && minute < close;
  });
  return isOpenToday || isOpenFromYesterday;
}

function toMinutes(clock: string): number {
  const [hour, minute] = clock.split(':').map(Number);
  return (hour ?? 0) * 60 + (minute ?? 0);
}
