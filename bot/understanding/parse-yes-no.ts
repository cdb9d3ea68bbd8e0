import { isNearWord } from './is-near-word.ts';
import { simplifyText, wordsOf } from './simplify-text.ts';

const yesPhrases = [
  'of course',
  'sounds good',
  'that works',
  'works for me',
  'go ahead',
  'please do',
  'i do',
  'we do',
  'it is',
  'por favor',
  'por supuesto',
  'claro que si',
  'esta bien',
];
const yesWords = [
  'yes',
  'y',
  'yeah',
  'yea',
  'yah',
  'ya',
  'yep',
  'yup',
  'ye',
  'yeh',
  'yas',
  'sure',
  'ok',
  'okay',
  'k',
  'kk',
  'definitely',
  'absolutely',
  'correct',
  'right',
  'affirmative',
  'certainly',
  'indeed',
  'si',
  'claro',
  'dale',
  'vale',
  'bueno',
  'perfect',
  'perfecto',
  'yessir',
];
const noPhrases = [
  'not really',
  'no thanks',
  'no thank you',
  "don't think so",
  'dont think so',
  'i do not',
  "i don't",
  'i dont',
  'not at all',
  'no gracias',
  'para nada',
  'it is not',
  "it's not",
  'its not',
];
const noWords = ['no', 'n', 'nope', 'nah', 'naw', 'nay', 'negative', 'never', 'nop', 'nein'];
const yesEmoji = ['👍', '👌', '✅'];
const noEmoji = ['👎', '❌'];

/**
 * Reads a yes or no answer from the start of a message ("yep", "sure thing", "nah", "sí",
 * "of course", "no thanks"). Returns null when the message is neither, such as "not sure".
 */
export function parseYesNo(text: string): boolean | null {
  if (yesEmoji.some((emoji) => text.includes(emoji))) {
    return true;
  }
  if (noEmoji.some((emoji) => text.includes(emoji))) {
    return false;
  }
  const simplified = simplifyText(text).replace(/(.)\1{2,}/g, '$1$1');
  if (simplified === '' || /^(not sure|unsure|maybe|idk|i don'?t know|no se)\b/.test(simplified)) {
    return null;
  }
  if (noPhrases.some((phrase) => startsWithPhrase(simplified, phrase))) {
    return false;
  }
  if (yesPhrases.some((phrase) => startsWithPhrase(simplified, phrase))) {
    return true;
  }
  const first = collapseRepeats(wordsOf(simplified)[0] ?? '');
  if (noWords.includes(first)) {
    return false;
  }
  if (yesWords.includes(first) || yesWords.some((word) => isNearWord(first, word, 4))) {
    return true;
  }
  return null;
}

function startsWithPhrase(text: string, phrase: string): boolean {
  return text === phrase || text.startsWith(`${phrase} `);
}

/** Shortens stretched words such as "yesss" or "nooo" to their dictionary form. */
function collapseRepeats(word: string): string {
  if (/^no+$/.test(word)) {
    return 'no';
  }
  return word.replace(/(.)\1+$/, '$1');
}
