import { simplifyText } from './simplify-text.ts';

/** What a message asks of the bot beyond answering the current question. */
export type LeadIntent = 'human_request' | 'wrong_number' | 'not_interested' | 'spam';

// Words after "call me" that show the lead wants a call, as opposed to "call me Ana".
const callMeFollowers =
  'back|at|asap|now|please|pls|plz|later|today|tomorrow|tonight|when|on|after|before|in|' +
  'instead|directly|right|first|soon|this|anytime|whenever|thanks|thx|\\d';

const humanRequestPatterns = [
  new RegExp(
    '\\b(?:talk|speak|chat)\\s+(?:to|with)\\s+(?:a |an |some |the )?(?:real |actual |live )?' +
      '(?:person|human|someone|somebody|agent|rep|representative|owner|manager|tech|' +
      'technician|plumber|people)\\b',
  ),
  /\b(?:real|actual|live)\s+(?:person|human|people)\b/,
  /\b(?:are you|is this|r u) (?:a )?(?:bot|robot|machine|automated|real)\b/,
  /\bhuman\b/,
  /\b(?:can|could|will|would) (?:someone|somebody|you|u|anyone|a person|a tech) (?:please )?call\b/,
  /\b(?:have|get) (?:someone|somebody) (?:to )?call\b/,
  /\bgive me a call\b/,
  /\bjust call\b/,
  new RegExp(`\\bcall me(?:$|\\s+(?:${callMeFollowers}))`),
  /\b(?:hablar con|quiero hablar|llamame|llameme|me pueden llamar|una persona)\b/,
];
const wrongNumberPatterns = [
  /\bwrong (?:number|person)\b/,
  /\bwho is this\b.*\bdidn'?t call\b/,
  /\bi (?:didn'?t|did not|never) call\b/,
  /\bnumero equivocado\b/,
];
const notInterestedPatterns = [
  /\bnot interested\b/,
  /\bno longer (?:need|interested)\b/,
  /\b(?:don'?t|do not|dont) need (?:it|you|anything|help|the service|service) anymore\b/,
  /\b(?:already|found) (?:fixed|found|hired|got) (?:it|someone|somebody|another)\b/,
  /\b(?:found|hired|went with) (?:someone|somebody|another|a different)\b/,
  /\bnever ?mind\b|\bnvm\b/,
  /\bno (?:me )?interesa\b/,
  /\bstop (?:texting|messaging|contacting|txting)\b/,
  /\b(?:leave me alone|remove me|take me off|unsubscribe me)\b/,
];

// Marketing and scam texts that businesses get on their public number.
const spamPatterns = [
  /\b(?:seo|search engine optimi[sz]ation|google (?:ranking|reviews|my business|business profile))\b/,
  /\b(?:rank|ranking) (?:your|ur) (?:website|site|business)\b/,
  /\b(?:merchant cash advance|business (?:loan|funding|line of credit)|pre ?approved|preapproved)\b/,
  /\b(?:more|new) (?:leads|customers|reviews) for your business\b/,
  /\b(?:you(?:'ve| have)? won|claim your (?:prize|reward|gift)|gift card winner)\b/,
  /\b(?:crypto|bitcoin|forex) (?:investment|trading|opportunity)\b/,
  /\b(?:your (?:package|parcel|delivery)|usps|fedex|ups) .*\b(?:on hold|failed|reschedule)\b/,
  /\b(?:we (?:build|design) websites|web design services|website redesign)\b/,
];

/**
 * Detects a request for a person ("talk to a person", "can someone call me", "human"), a wrong
 * number, a lead who is no longer interested, or marketing spam. Returns null for an ordinary
 * answer.
 */
export function detectLeadIntent(text: string): LeadIntent | null {
  const simplified = simplifyText(text.replace(/#/g, ' number '));
  if (wrongNumberPatterns.some((pattern) => pattern.test(simplified))) {
    return 'wrong_number';
  }
  if (notInterestedPatterns.some((pattern) => pattern.test(simplified))) {
    return 'not_interested';
  }
  if (spamPatterns.some((pattern) => pattern.test(simplified))) {
    return 'spam';
  }
  if (humanRequestPatterns.some((pattern) => pattern.test(simplified))) {
    return 'human_request';
  }
  return null;
}
