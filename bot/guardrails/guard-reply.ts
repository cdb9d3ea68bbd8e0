import type { BotLogEntry } from '../engine/reply-engine.ts';
import { countSegments } from '../sms/count-segments.ts';
import { commitmentKey, findCommitments } from './find-commitments.ts';
import { findLinks } from './find-links.ts';

export interface GuardReplyOptions {
  bookingLink: string | null;
  maxSegments: number;
  /** Prices and promises the owner wrote into the flow, as `commitmentKey` values. */
  allowedCommitments?: ReadonlySet<string>;
  stepId?: string;
}

export interface GuardReplyResult {
  /** The text safe to send, or null when nothing was left to send. */
  text: string | null;
  log: BotLogEntry[];
}

/**
 * Makes a rendered reply safe to send: removes every link except the business's booking link,
 * removes prices and promises the flow does not contain (they can only come from the lead's
 * words echoed in a slot), replaces typographic quotes that would force UCS-2 encoding, and
 * shortens the text at a word boundary to fit `maxSegments`. Each change is logged.
 */
export function guardReply(text: string, options: GuardReplyOptions): GuardReplyResult {
  const log: BotLogEntry[] = [];
  const quotesReplaced = text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
  let guarded = removeUntilStable(quotesReplaced, options, log);
  if (guarded === '') {
    return { text: null, log };
  }

  const segments = countSegments(guarded).segments;
  if (segments > options.maxSegments) {
    const data = { segments, maxSegments: options.maxSegments };
    const message = 'Shortened a reply to fit max_segments';
    log.push({ level: 'warn', message, ...stepIdOf(options), data });
    // Cutting inside a long word can leave a link-shaped prefix, so the cut text is checked again.
    guarded = removeUntilStable(shortenToSegments(guarded, options.maxSegments), options, log);
  }
  return { text: guarded === '' ? null : guarded, log };
}

/**
 * Removes links and commitments and tidies spaces until nothing changes. One pass is not enough
 * because a removal or a removed space can join two pieces into a new link: "evil .com" becomes
 * "evil.com" once the space before the dot goes, and "evil$50 .com" once "$50" and the space go.
 */
function removeUntilStable(text: string, options: GuardReplyOptions, log: BotLogEntry[]): string {
  let current = text;
  for (;;) {
    const next = tidySpaces(removeCommitments(removeLinks(current, options, log), options, log));
    if (next === current) {
      return next;
    }
    current = next;
  }
}

function removeLinks(text: string, options: GuardReplyOptions, log: BotLogEntry[]): string {
  let result = text;
  // Removing from the end keeps the earlier indexes valid.
  for (const link of findLinks(text).reverse()) {
    if (isBookingLink(link.text, options.bookingLink)) {
      continue;
    }
    result = result.slice(0, link.index) + result.slice(link.index + link.text.length);
    const message = 'Removed a link that is not the booking link';
    log.push({ level: 'warn', message, ...stepIdOf(options), data: { link: link.text } });
  }
  return result;
}

function removeCommitments(text: string, options: GuardReplyOptions, log: BotLogEntry[]): string {
  const allowed = options.allowedCommitments ?? new Set<string>();
  let result = text;
  for (const commitment of findCommitments(text)) {
    if (allowed.has(commitmentKey(commitment.text))) {
      continue;
    }
    result = result.replace(commitment.text, '');
    const message = 'Removed a price or promise that is not in the flow';
    log.push({ level: 'warn', message, ...stepIdOf(options), data: { text: commitment.text } });
  }
  return result;
}

function tidySpaces(text: string): string {
  return text.replace(/[ \t]{2,}/g, ' ').replace(/ +([,.!?])/g, '$1').trim();
}

function stepIdOf(options: GuardReplyOptions): { stepId?: string } {
  return options.stepId === undefined ? {} : { stepId: options.stepId };
}

function isBookingLink(link: string, bookingLink: string | null): boolean {
  if (bookingLink === null || bookingLink.trim() === '') {
    return false;
  }
  const comparable = (value: string) =>
    value
      .trim()
      .toLowerCase()
      .replace(/^https?:\/\//, '')
      .replace(/^www\./, '')
      .replace(/\/+$/, '');
  return comparable(link) === comparable(bookingLink);
}

/** Cuts words from the end until the text plus "..." fits. */
function shortenToSegments(text: string, maxSegments: number): string {
  const words = text.split(' ');
  while (words.length > 1) {
    words.pop();
    const candidate = `${words.join(' ').replace(/[\s,.;:!?-]+$/, '')}...`;
    if (countSegments(candidate).segments <= maxSegments) {
      return candidate;
    }
  }
  let characters = text.slice(0, 150);
  while (countSegments(`${characters}...`).segments > maxSegments) {
    characters = characters.slice(0, -1);
  }
  return `${characters}...`;
}
