import { parseName } from './parse-name.ts';

// Openers that carry no meaning for the request: greetings, fillers and "thanks for texting".
const openerPattern = new RegExp(
  '^(?:hey there|hi there|hello there|hi|hii+|hello|helo|hey|heyy+|hola|yo|sup|good (?:morning|afternoon|evening)|' +
    'buen(?:os|as)(?: dias| tardes| noches)?|thanks? (?:you )?for (?:the text|texting|getting back|' +
    'reaching out|calling)(?: back| me back)?|ok|okay|yes|yeah|yep|sure|so|well|um+|uh+|' +
    'i was calling (?:about|because|for)|i called (?:about|because|for)|(?:i\'?m )?calling (?:about|for)|' +
    'i(?:\'m| am) (?:texting|reaching out) (?:about|for|because))\\b[\\s,.!:;-]*',
  'i',
);
const possessivePattern = /^(?:my|our|mi)\s+/i;
const closerPattern = /[\s,.!-]*\b(?:thanks|thank you|thx|ty|pls|please|gracias)[\s.!]*$/i;

/**
 * Cleans a free-text answer such as the lead's need: drops greetings, fillers, a name
 * introduction and a trailing "thanks", so "hi my water heater is leaking, this is Ana" reads
 * "water heater is leaking". Returns an empty string when nothing but a greeting is left.
 */
export function cleanTextAnswer(text: string): string {
  let cleaned = text.replace(/\s+/g, ' ').trim();
  const name = parseName(cleaned);
  if (name !== null) {
    cleaned = cleaned.replace(name.matchedText, ' ');
  }
  for (let previous = ''; previous !== cleaned; ) {
    previous = cleaned;
    cleaned = cleaned
      .replace(/^[\s,.!:;-]+/, '')
      .replace(openerPattern, '')
      .replace(possessivePattern, '')
      .replace(closerPattern, '');
  }
  cleaned = cleaned
    .replace(/\s+([,.!?])/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .replace(/^[\s,.;:-]+|[\s,;:-]+$/g, '')
    .trim();
  return /\p{L}.*\p{L}/u.test(cleaned) ? cleaned : '';
}
