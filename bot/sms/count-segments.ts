/**
 * Counts SMS segments the way carriers split messages (3GPP TS 23.038 alphabets, TS 23.040
 * concatenation). GSM-7 messages carry 160 septets in one segment and 153 per segment when
 * split; extension characters (such as `{` or `€`) take two septets that stay in one segment.
 * Any other character switches the whole message to UCS-2: 70 UTF-16 code units in one
 * segment, 67 per segment when split, and an emoji's surrogate pair stays in one segment.
 */
const gsmBasic =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const gsmExtension = '\f^{}\\[~]|€';

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SegmentCount {
  encoding: SmsEncoding;
  segments: number;
  /** Septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
}

export function countSegments(text: string): SegmentCount {
  const septets = septetsPerCharacter(text);
  if (septets !== null) {
    const units = sum(septets);
    return { encoding: 'GSM-7', units, segments: packSegments(septets, units, 160, 153) };
  }
  const codeUnits = [...text].map((char) => char.length);
  return {
    encoding: 'UCS-2',
    units: text.length,
    segments: packSegments(codeUnits, text.length, 70, 67),
  };
}

/** Returns each character's size in septets, or null when a character is not in GSM-7. */
function septetsPerCharacter(text: string): number[] | null {
  const sizes: number[] = [];
  for (const char of text) {
    if (gsmBasic.includes(char)) {
      sizes.push(1);
    } else if (gsmExtension.includes(char)) {
      sizes.push(2);
    } else {
      return null;
    }
  }
  return sizes;
}

/**
 * Fills segments character by character. A character that does not fit whole in the current
 * segment starts the next one, so a split message can need one segment more than
 * `units / perPart` suggests.
 */
function packSegments(sizes: number[], units: number, single: number, perPart: number): number {
  if (units <= single) {
    return 1;
  }
  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > perPart) {
      segments += 1;
      used = 0;
    }
    used += size;
  }
  return segments;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
