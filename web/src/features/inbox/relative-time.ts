const clock = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const day = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

/** A compact time for the list: "now", "5m", "3:07 PM" today, "Mar 4" before. */
export function formatListTime(iso: string, now = new Date()): string {
  const date = new Date(iso);
  const seconds = (now.getTime() - date.getTime()) / 1000;
  if (seconds < 60) {
    return 'now';
  }
  if (seconds < 3600) {
    return `${Math.floor(seconds / 60)}m`;
  }
  return date.toDateString() === now.toDateString() ? clock.format(date) : day.format(date);
}
