import { AppError } from '../lib/errors.ts';

interface BusinessNumbers {
  phoneNumber: string;
  forwardingNumber: string | null;
  carrierNumber: string | null;
}

/**
 * Throws a 400 naming the field when the forwarding or carrier number is the business's own
 * textback number: a dial to it would ring straight back into textback.
 */
export function requireOtherPhoneNumbers(numbers: BusinessNumbers): void {
  const fields = (['forwardingNumber', 'carrierNumber'] as const).filter(
    (field) => numbers[field] !== null && numbers[field] === numbers.phoneNumber,
  );
  if (fields.length === 0) {
    return;
  }
  const message =
    `${numbers.phoneNumber} is this business's textback number, so calls would ring back into ` +
    "textback. Use the business's own phone.";
  throw new AppError('bad_request', message, fields.map((field) => ({ field, message })));
}
