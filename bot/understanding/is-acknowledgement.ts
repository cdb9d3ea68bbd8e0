import { simplifyText } from './simplify-text.ts';

const acknowledgementPattern =
  /^(?:ok|okay|k|kk|thanks|thank you|thx|ty|tysm|great|perfect|cool|awesome|sounds good|got it|will do|gracias|perfecto|bye|see you|you too|np)(?: (?:so much|you|again|a lot|man|guys))?$/;

/** Whether a message only acknowledges ("ok", "thanks!", "sounds good"), needing no reply. */
export function isAcknowledgement(text: string): boolean {
  const simplified = simplifyText(text).replace(/(.)\1{2,}/g, '$1');
  return simplified === '' ? /^[\p{Emoji}\s]+$/u.test(text.trim()) : acknowledgementPattern.test(simplified);
}
