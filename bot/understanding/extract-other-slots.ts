import type { SlotValue } from '../engine/reply-engine.ts';
import type { SlotKind } from '../flows/flow-schema.ts';
import { extractSlot } from './extract-slot.ts';
import type { SlotMatch } from './extract-slot.ts';
import { normalizeTimeWords } from './normalize-time-words.ts';
import { parseName } from './parse-name.ts';
import { simplifyText } from './simplify-text.ts';

export interface SlotCandidate {
  name: string;
  kind: SlotKind;
  previous: SlotValue | undefined;
}

export interface ExtractOtherSlotsOptions {
  now: Date;
  timeZone: string;
}

export interface OtherSlotsResult {
  matches: Map<string, SlotMatch>;
  /** The message without the parts that were read, joined with ", ". */
  remainder: string;
  /** The message with every value that was read cut out, so "Kim 60614" leaves "Kim". */
  stripped: string;
}

// Words that may surround a value in its part of the message without adding meaning, so
// "tomorrow at 9am works" still counts as only a time.
const fillerWords = new Set(
  (
    'at around about by on is my the a works work good fine please pls maybe ok okay and or ' +
    'would be great best preferred time number phone cell email e mail zip code address name ' +
    'here it its it\'s i\'m im this that for me is any also call reach text at hi hello hey hola'
  ).split(' '),
);

/**
 * Reads slots other than the one being asked from a message such as "Ana, leaking heater,
 * tomorrow 9am". The message is split at commas, semicolons, line breaks and sentence ends, and
 * each part is tried against every candidate. A part that holds only a value and filler words
 * is left out of `remainder`, so the rest can answer the current question.
 */
export function extractOtherSlots(
  text: string,
  candidates: readonly SlotCandidate[],
  options: ExtractOtherSlotsOptions,
): OtherSlotsResult {
  const segments = text.split(/[,;\n]+|(?<=[.!?])\s+/).map((segment) => segment.trim());
  const parts = segments.filter((segment) => segment !== '');
  const matches = new Map<string, SlotMatch>();
  const remaining: string[] = [];
  const strippedParts: string[] = [];

  parts.forEach((segment, index) => {
    const matchedTexts: string[] = [];
    for (const candidate of candidates) {
      if (matches.has(candidate.name)) {
        continue;
      }
      const extractOptions = { ...options, kind: candidate.kind, isAnswer: false };
      const match =
        extractSlot(segment, { ...extractOptions, previous: candidate.previous }) ??
        readListedName(segment, candidate.kind, index, parts.length);
      if (match !== null) {
        matches.set(candidate.name, match);
        matchedTexts.push(match.matchedText);
      }
    }
    if (matchedTexts.length === 0 || !isOnlyFiller(segment, matchedTexts)) {
      remaining.push(segment);
      const cut = matchedTexts.reduce((rest, matched) => rest.replace(matched, ' '), segment);
      strippedParts.push(cut.replace(/\s+/g, ' ').trim());
    }
  });
  const stripped = strippedParts.filter((part) => part !== '').join(', ');
  return { matches, remainder: remaining.join(', '), stripped };
}

/**
 * Reads a capitalised name written as one part of a list ("Ana, leaking heater, tomorrow 9am"):
 * one or two words in the first part, or a full name of two or three words in a later part.
 */
function readListedName(
  segment: string,
  kind: SlotKind,
  index: number,
  partCount: number,
): SlotMatch | null {
  const words = segment.split(/\s+/);
  const isCapitalised = words.every((word) => /^\p{Lu}/u.test(word));
  // Later in a list only a full name counts, because a single capitalised word there is
  // often a place or a thing ("Sink backed up, Maria Lopez, 60618").
  const isPlaced = index === 0 ? words.length <= 2 : words.length >= 2 && words.length <= 3;
  if (kind !== 'name' || partCount < 2 || !isPlaced || !isCapitalised) {
    return null;
  }
  return parseName(segment, { isAnswer: true });
}

function isOnlyFiller(segment: string, matchedTexts: string[]): boolean {
  const comparable = (value: string) => simplifyText(normalizeTimeWords(value));
  let leftover = comparable(segment);
  for (const matchedText of matchedTexts) {
    leftover = leftover.replace(comparable(matchedText), ' ');
  }
  return leftover.split(' ').every((word) => word === '' || fillerWords.has(word));
}
