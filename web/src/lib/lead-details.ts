import { sentenceCase } from './lead-outcome.ts';

/** Detail keys shown first, in this order, with their labels. */
const knownDetails: Array<[string, string]> = [
  ['need', 'Need'],
  ['name', 'Name'],
  ['address', 'Address'],
  ['zip', 'ZIP'],
  ['preferred_time_label', 'Preferred time'],
  ['email', 'E-mail'],
  ['phone', 'Phone'],
  ['urgency', 'Urgency'],
];

/** A timestamp as the bot stores a date-time slot, such as 2026-12-05T15:00:00-06:00. */
const isoTimestamp = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const wallClockFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZone: 'UTC',
});

export interface LeadDetail {
  key: string;
  label: string;
  value: string;
}

/**
 * Lists the details the bot collected, known ones first with their labels. `preferred_time` is
 * left out when its readable `preferred_time_label` is there, and timestamps read as dates.
 */
export function listLeadDetails(details: Record<string, unknown>): LeadDetail[] {
  const rows: LeadDetail[] = [];
  for (const [key, label] of knownDetails) {
    const value = formatDetail(details[key]);
    if (value) {
      rows.push({ key, label, value });
    }
  }
  const known = new Set(knownDetails.map(([key]) => key));
  if (formatDetail(details.preferred_time_label)) {
    known.add('preferred_time');
  }
  for (const [key, raw] of Object.entries(details)) {
    const value = formatDetail(raw);
    if (value && !known.has(key)) {
      rows.push({ key, label: sentenceCase(key), value });
    }
  }
  return rows;
}

/** Returns a detail's value as text, or null when it is empty. Lists and objects read as JSON. */
export function formatDetail(value: unknown): string | null {
  if (typeof value === 'string' && value.trim() !== '') {
    return formatTimestamp(value.trim()) ?? value;
  }
  if (typeof value === 'number') {
    return String(value);
  }
  if (typeof value === 'boolean') {
    return value ? 'Yes' : 'No';
  }
  if (typeof value === 'object' && value !== null) {
    return JSON.stringify(value);
  }
  return null;
}

/**
 * Formats an ISO timestamp at the wall-clock time it was written with, such as "Sat, Dec 5,
 * 2026, 3:00 PM", because its offset is the lead's or the business's, not the reader's.
 */
function formatTimestamp(text: string): string | null {
  const match = isoTimestamp.exec(text);
  if (!match) {
    return null;
  }
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number) as [number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute));
  return Number.isNaN(date.getTime()) ? null : wallClockFormat.format(date);
}
