const clockFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const dayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
});

/** Formats an ISO timestamp as a local clock time, such as "3:07 PM". */
export function formatClockTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : clockFormat.format(date);
}

/** Formats an ISO timestamp for a thread separator: "Today 3:07 PM" or "Mon, Jun 2 3:07 PM". */
export function formatSeparatorTime(iso: string, now = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return '';
  }
  const isToday = date.toDateString() === now.toDateString();
  return `${isToday ? 'Today' : dayFormat.format(date)} ${clockFormat.format(date)}`;
}
