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
  const stepId = options.stepId === undefined ? {} : { stepId: options.stepId };
  let guarded = text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');

  for (const link of findLinks(guarded)) {
    if (isBookingLink(link.text, options.bookingLink)) {
      continue;
    }
    guarded = guarded.replace(link.text, '');
    const message = 'Removed a link that is not the booking link';
    log.push({ level: 'warn', message, ...stepId, data: { link: link.text } });
  }
  const allowed = options.allowedCommitments ?? new Set<string>();
  for (const commitment of findCommitments(guarded)) {
    if (allowed.has(commitmentKey(commitment.text))) {
      continue;
    }
    guarded = guarded.replace(commitment.text, '');
    const message = 'Removed a price or promise that is not in the flow';
    log.push({ level: 'warn', message, ...stepId, data: { text: commitment.text } });
  }
  guarded = guarded.replace(/[ \t]{2,}/g, ' ').replace(/ +([,.!?])/g, '$1').trim();
  if (guarded === '') {
    return { text: null, log };
  }

  const segments = countSegments(guarded).segments;
  if (segments > options.maxSegments) {
    guarded = shortenToSegments(guarded, options.maxSegments);
    const data = { segments, maxSegments: options.maxSegments };
    log.push({ level: 'warn', message: 'Shortened a reply to fit max_segments', ...stepId, data });
  }
  return { text: guarded, log };
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
