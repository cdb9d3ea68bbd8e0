import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import { buildPhrasePattern } from './build-phrase-pattern.ts';
import { normalizeTimeWords } from './normalize-time-words.ts';
import { simplifyText } from './simplify-text.ts';

export interface DatetimeMatch {
  /**
   * An ISO 8601 date-time with the business's offset, an ISO date when no time of day was
   * given, `asap` for "as soon as possible", or `anytime` when the lead has no preference.
   */
  value: string;
  /** A short label in the business time zone, such as "Wed, Mar 5 at 3 PM". */
  label: string;
  hasTime: boolean;
  /** The words that were read as the time, after shorthand was expanded. */
  matchedText: string;
}

export interface ParseDatetimeOptions {
  now: Date;
  /** IANA zone of the business, such as America/Chicago. */
  timeZone: string;
  /** True when the message answers a question about time, which allows bare "now" or "anytime". */
  isAnswer?: boolean;
  /** The slot's earlier value; a correction that names only a day keeps its time of day. */
  previous?: string | null;
}

const asapPattern = buildPhrasePattern([
  'asap',
  'a s a p',
  'as soon as possible',
  'as soon as you can',
  'right away',
  'immediately',
  'lo antes posible',
  'lo mas pronto(?: posible)?',
  'cuanto antes',
  'ahorita',
]);
const answerAsapPattern = buildPhrasePattern(
  ['now', 'right now', 'now please', 'soonest', 'earliest', 'the sooner the better', 'ya'],
  'whole',
);
const anytimePattern = buildPhrasePattern(
  [
    'anytime',
    'any time',
    'whenever',
    'any ?day',
    'flexible',
    "i'?m flexible",
    "doesn'?t matter",
    'no preference',
    'cualquier hora',
    'cuando sea',
  ],
  'start',
);
// Words just before a date that show it is in the past ("broke this morning", "since Monday").
const pastCuePattern = new RegExp(
  '\\b(?:since|last|ago|was|were|started|began|broke|stopped|happened|noticed|died|quit|' +
    'went out|yesterday|desde|ayer)\\s*$',
);

// Hours used when the lead names a part of the day but no clock time.
const partsOfDay: [RegExp, string, number][] = [
  [/\bmorning\b/, 'morning', 9],
  [/\bafternoon\b/, 'afternoon', 13],
  [/\b(evening|tonight|night)\b/, 'evening', 17],
];

/**
 * Reads the first future date or time in a message, relative to `now` in the business time
 * zone. A clock hour from 1 to 6 without am or pm is read as afternoon, because businesses
 * rarely book at 3 in the morning. Returns null when there is no date, or it is in the past or
 * more than a year ahead.
 */
export function parseDatetime(text: string, options: ParseDatetimeOptions): DatetimeMatch | null {
  const simplified = simplifyText(text);
  const answerAsap = options.isAnswer ? answerAsapPattern.exec(simplified) : null;
  const asap = asapPattern.exec(simplified) ?? answerAsap;
  if (asap !== null) {
    return { value: 'asap', label: 'as soon as possible', hasTime: false, matchedText: asap[0] };
  }
  const anytime = options.isAnswer ? anytimePattern.exec(simplified) : null;
  if (anytime !== null) {
    return { value: 'anytime', label: 'any time', hasTime: false, matchedText: anytime[0] };
  }

  const now = DateTime.fromJSDate(options.now, { zone: options.timeZone });
  const normalized = nameMonthOfOrdinal(normalizeTimeWords(text), now);
  const reference = { instant: options.now, timezone: now.offset };
  const results = chrono.parse(normalized, reference, { forwardDate: true }).filter(
    (result) =>
      !/^(?:right )?now$/.test(result.text) &&
      // chrono reads a house number such as "915 S Wabash" as 9:15 and S as seconds.
      !/^\d{3,5}(?:\s*s)?$/.test(result.text) &&
      !pastCuePattern.test(normalized.slice(0, result.index)),
  );
  for (const [index, result] of results.entries()) {
    const isVagueWeek = /^(?:early |late )?(?:next|this) week$/.test(result.text);
    if (isVagueWeek && index < results.length - 1) {
      continue;
    }
    const laterTime = result.start.isCertain('hour') ? undefined : findTimeOnly(results.slice(index + 1));
    const part = partOfDayIn(result, normalized);
    const match = toMatch(result, now, { ...options, laterTime, part });
    if (match !== null) {
      return match;
    }
  }
  return null;
}

/**
 * Names the month of a bare ordinal ("the 10th") so chrono reads it: this month, or the next
 * one when the day has passed.
 */
function nameMonthOfOrdinal(text: string, now: DateTime): string {
  return text.replace(/\b(?:on )?the (\d{1,2})(?:st|nd|rd|th)\b/g, (whole, day: string) => {
    const dayNumber = Number(day);
    if (dayNumber < 1 || dayNumber > 31) {
      return whole;
    }
    const month = dayNumber < now.day ? now.plus({ months: 1 }) : now;
    return ` ${month.setLocale('en-US').toFormat('LLLL')} ${dayNumber} `;
  });
}

/** Finds a result that gives only a clock time ("at 4"), to complete a day named before it. */
function findTimeOnly(results: chrono.ParsedResult[]): chrono.ParsedResult | undefined {
  return results.find(
    (result) =>
      result.start.isCertain('hour') &&
      !result.start.isCertain('day') &&
      !result.start.isCertain('weekday'),
  );
}

/** Finds a part of the day in the result, or elsewhere in the text when it has no clock time. */
function partOfDayIn(result: chrono.ParsedResult, text: string): [RegExp, string, number] | undefined {
  if (result.start.isCertain('hour')) {
    return undefined;
  }
  return (
    partsOfDay.find(([pattern]) => pattern.test(result.text)) ??
    partsOfDay.find(([pattern]) => pattern.test(text))
  );
}

interface MatchOptions extends ParseDatetimeOptions {
  /** A clock time given apart from the day ("friday after school, like 4"). */
  laterTime: chrono.ParsedResult | undefined;
  part: [RegExp, string, number] | undefined;
}

function toMatch(
  result: chrono.ParsedResult,
  now: DateTime,
  options: MatchOptions,
): DatetimeMatch | null {
  const start = result.start;
  const timeSource = options.laterTime?.start ?? start;
  const part = options.laterTime === undefined ? options.part : undefined;
  let hour = timeSource.get('hour') ?? 12;
  if (timeSource.isCertain('hour') && !timeSource.isCertain('meridiem') && hour >= 1 && hour <= 6) {
    hour += 12;
  }
  const hasClockTime = timeSource.isCertain('hour');
  // A correction that gives only a time ("make it 4pm") keeps the day of the earlier answer.
  const previousDay = hasClockTime && !start.isCertain('day') && !start.isCertain('weekday')
    ? previousDate(options.previous, options.timeZone)
    : null;
  let startHour = 0;
  if (part !== undefined) {
    startHour = part[2];
  } else if (hasClockTime) {
    startHour = hour;
  }
  let date = DateTime.fromObject(
    {
      year: previousDay?.year ?? start.get('year') ?? now.year,
      month: previousDay?.month ?? start.get('month') ?? now.month,
      day: previousDay?.day ?? start.get('day') ?? now.day,
      hour: startHour,
      minute: hasClockTime ? (timeSource.get('minute') ?? 0) : 0,
    },
    { zone: options.timeZone },
  );
  const previous =
    hasClockTime || part ? null : previousTimeOfDay(options.previous, options.timeZone);
  if (previous !== null) {
    date = date.set(previous);
  }
  const hasTime = hasClockTime || part !== undefined || previous !== null;

  const isPast = hasTime ? date < now.minus({ minutes: 15 }) : date.endOf('day') < now;
  if (isPast || date > now.plus({ days: 366 })) {
    return null;
  }
  return {
    value: (hasTime ? date.toISO({ suppressMilliseconds: true }) : date.toISODate()) ?? '',
    label: labelFor(date, hasClockTime || previous !== null, part?.[1]),
    hasTime,
    matchedText: result.text,
  };
}

function previousDate(
  previous: string | null | undefined,
  timeZone: string,
): { year: number; month: number; day: number } | null {
  if (!previous || !/^\d{4}-\d{2}-\d{2}/.test(previous)) {
    return null;
  }
  const date = DateTime.fromISO(previous, { zone: timeZone });
  return date.isValid ? { year: date.year, month: date.month, day: date.day } : null;
}

function previousTimeOfDay(
  previous: string | null | undefined,
  timeZone: string,
): { hour: number; minute: number } | null {
  if (!previous || !previous.includes('T')) {
    return null;
  }
  const date = DateTime.fromISO(previous, { zone: timeZone });
  return date.isValid ? { hour: date.hour, minute: date.minute } : null;
}

function labelFor(date: DateTime, hasClockTime: boolean, partOfDay: string | undefined): string {
  const day = date.setLocale('en-US').toFormat('ccc, LLL d');
  if (hasClockTime) {
    const time = date.setLocale('en-US').toFormat('h:mm a').replace(':00 ', ' ');
    return `${day} at ${time}`;
  }
  return partOfDay === undefined ? day : `${day}, ${partOfDay}`;
}
