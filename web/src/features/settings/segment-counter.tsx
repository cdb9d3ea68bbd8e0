import { countSegments } from '../../../../bot/sms/count-segments.ts';

export interface SegmentCounterProps {
  /** The message as the lead gets it. */
  text: string;
  /** False while the template has a problem, so no count would be true. */
  isValid: boolean;
}

/**
 * Shows the SMS encoding, length and segment count the carrier bills. The limits it names are
 * those `countSegments` applies from 3GPP TS 23.038 and 23.040. GSM-7 fits 160 characters in one
 * segment and up to 153 per segment once split. UCS-2 fits 70 code units in one segment and up
 * to 67 per segment once split.
 */
export function SegmentCounter({ text, isValid }: SegmentCounterProps) {
  if (!isValid) {
    return (
      <p className="segment-counter" data-state="invalid">
        Segments are counted once the problems above are fixed.
      </p>
    );
  }
  const segments = countSegments(text);
  const isSplit = segments.segments > 1;
  const unit = segments.encoding === 'GSM-7' ? 'characters' : 'code units';
  return (
    <p className="segment-counter" data-state="valid" data-segments={segments.segments}>
      {segments.encoding} · {segments.units} {unit} ·{' '}
      <strong>
        {segments.segments} segment{isSplit ? 's' : ''}
      </strong>
      {segments.encoding === 'UCS-2' ? ' · an emoji or special character switched this text to UCS-2' : ''}
      {describeLimit(segments.encoding, isSplit)}
    </p>
  );
}

function describeLimit(encoding: 'GSM-7' | 'UCS-2', isSplit: boolean): string {
  if (encoding === 'GSM-7') {
    return isSplit ? ' · split into segments of up to 153 characters, each billed as one text' : '';
  }
  return isSplit
    ? ', which splits into segments of up to 67 code units, each billed as one text'
    : ', which fits 70 code units in one segment';
}
