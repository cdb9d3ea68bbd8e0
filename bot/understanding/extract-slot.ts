import type { SlotValue } from '../engine/reply-engine.ts';
import type { FlowChoice, SlotKind } from '../flows/flow-schema.ts';
import { parseAddress } from './parse-address.ts';
import { parseChoice } from './parse-choice.ts';
import { parseDatetime } from './parse-datetime.ts';
import { parseEmail } from './parse-email.ts';
import { parseName } from './parse-name.ts';
import { parseNumber } from './parse-number.ts';
import { parsePhone } from './parse-phone.ts';
import { parseYesNo } from './parse-yes-no.ts';
import { parseZip } from './parse-zip.ts';
import { buildPhrasePattern } from './build-phrase-pattern.ts';
import { simplifyText } from './simplify-text.ts';

export interface SlotMatch {
  value: SlotValue;
  /** A readable form for datetime slots, such as "Wed, Mar 5 at 3 PM". */
  label?: string;
  /** The part of the message that was read, used to tell what is left over. */
  matchedText: string;
}

export interface ExtractSlotOptions {
  kind: SlotKind;
  choices?: readonly FlowChoice[];
  now: Date;
  timeZone: string;
  /**
   * True when the message answers this slot's question. Kinds without a clear signal (text,
   * yesno, number, choice, a bare name) are only read from answers.
   */
  isAnswer: boolean;
  /** The slot's current value, which a datetime correction builds on. */
  previous?: SlotValue;
  /** The lead's own number, for "this number" as the answer to a phone question. */
  contactPhone?: string;
}

const sameNumberPattern = buildPhrasePattern(
  [
    'this',
    'this one',
    'this number',
    'same',
    'same number',
    'yes',
    'yeah',
    'yep',
    'yup',
    'ok',
    'correct',
    'that works',
    'este',
    'si',
    'este numero',
  ],
  'start',
);

/** Reads one slot of the given kind from a message, or returns null when it is not there. */
export function extractSlot(text: string, options: ExtractSlotOptions): SlotMatch | null {
  const plain = (value: SlotValue | undefined, matchedText = text): SlotMatch | null =>
    value === null || value === undefined ? null : { value, matchedText };

  switch (options.kind) {
    case 'text': {
      const trimmed = text.trim().replace(/\s+/g, ' ');
      return options.isAnswer && /\p{L}.*\p{L}/u.test(trimmed) ? plain(trimmed) : null;
    }
    case 'name':
      return parseName(text, { isAnswer: options.isAnswer });
    case 'phone': {
      const phone = parsePhone(text);
      if (phone === null && options.isAnswer && sameNumberPattern.test(simplifyText(text))) {
        return plain(options.contactPhone);
      }
      return phone;
    }
    case 'email':
      return parseEmail(text);
    case 'datetime': {
      const previous = typeof options.previous === 'string' ? options.previous : null;
      return parseDatetime(text, { ...options, previous });
    }
    case 'address':
      return parseAddress(text, { isAnswer: options.isAnswer });
    case 'zip': {
      // An answer may split the digits ("606 14").
      const joined = text.replace(/[\s-]/g, '');
      const isSplitZip = options.isAnswer && /^\d{5}$/.test(joined);
      return parseZip(text) ?? (isSplitZip ? parseZip(joined) : null);
    }
    case 'yesno':
      return options.isAnswer ? plain(parseYesNo(text) ?? undefined) : null;
    case 'number':
      return options.isAnswer ? plain(parseNumber(text) ?? undefined) : null;
    case 'choice':
      return options.isAnswer ? plain(parseChoice(text, options.choices ?? []) ?? undefined) : null;
  }
}
