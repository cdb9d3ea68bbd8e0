/**
 * Counts SMS segments the way carriers bill them. GSM-7 messages carry 160 characters in one
 * segment and 153 per segment when split; extension characters (such as `{` or `€`) take two
 * septets. Any other character switches the whole message to UCS-2: 70 code units in one
 * segment, 67 per segment when split.
 */
const gsmBasic =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
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
  const septets = countGsmSeptets(text);
  if (septets !== null) {
    return { encoding: 'GSM-7', units: septets, segments: segmentsFor(septets, 160, 153) };
  }
  return { encoding: 'UCS-2', units: text.length, segments: segmentsFor(text.length, 70, 67) };
}

function countGsmSeptets(text: string): number | null {
  let septets = 0;
  for (const char of text) {
    if (gsmBasic.includes(char)) {
      septets += 1;
    } else if (gsmExtension.includes(char)) {
      septets += 2;
    } else {
      return null;
    }
  }
  return septets;
}

function segmentsFor(units: number, single: number, perPart: number): number {
  if (units === 0) {
    return 1;
  }
  return units <= single ? 1 : Math.ceil(units / perPart);
}
