export interface NameMatch {
  value: string;
  matchedText: string;
}

export interface ParseNameOptions {
  /** True when the message answers the name question, so a bare "ana ruiz" counts. */
  isAnswer?: boolean;
}

// Cues that introduce a name in any letter case ("this is ana").
const strongCues =
  /\b(?:my name is|my name's|my names|name is|name's|this is|me llamo|mi nombre es)\s+/i;
// Cues that also start ordinary sentences ("it's leaking"), so a name after them must be
// capitalised unless the message answers the name question.
const weakCues =
  /(?:^|[.,!]\s*|\b(?:hi|hey|hello|hola|yes|yeah|ok|okay|sure)\s+)(?:it's|its|it is|i'm|im|i am|soy|habla|(?:you can |u can )?call me)\s+/i;
// After a greeting, "it's" introduces the writer ("hey its jenny"), whatever the letter case.
const greetingCue = /^(?:hi|hey|hello|hola)[\s,!]+(?:it's|its|it is|i'm|im|i am)\s+/i;
// A capitalised name that opens the message, followed by where the lead lives ("Kevin from 2nd st").
const fromPrefix = /^\s*(\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*)?)\s+from\b/u;
// Words before a name in an answer that are not part of it ("sure, Nicole", "it's for Mia").
const answerPrefix =
  /^(?:(?:sure|ok|okay|yes|yeah|yep|fine|alright|k)\b[\s,.!]*)?(?:(?:it'?s |this is |its )?for (?:my \p{L}+,? )?)?/iu;
const honorific = /^(?:mr|mrs|ms|miss|mx|dr|sr|sra|srta)\.?\s+/i;
const hereSuffix = /^\s*([\p{L}][\p{L}'-]*(?:\s+[\p{L}][\p{L}'-]*){0,2})\s+here\b/iu;

const nameWordPattern = /^[\p{L}][\p{L}'.-]*$/u;
const notNameWords = new Set(
  (
    'a an and the my our your i me we you he she they it its is am are was be been not no ' +
    'nope yes ' +
    'yeah yep yup sure ok okay thanks thank thx ty hi hello hey hola good fine great just from ' +
    'with at in on for of to about here there this that what who why how when where idk none ' +
    'na n/a later busy now today tomorrow tonight morning afternoon evening night monday tuesday ' +
    'wednesday thursday friday saturday sunday asap anytime whenever si gracias bueno please ' +
    'stop help call leaking leak broken flooding having looking calling texting trying wondering ' +
    'interested sorry wrong number person human someone somebody anyone heater water pipe ac ' +
    'furnace sink toilet roof appointment service repair actually oh um uh'
  ).split(' '),
);

/**
 * Reads a person's name from phrases such as "this is Ana", "Ana Ruiz here", "my name is Ana",
 * "it's Ana" or "me llamo Ana", and, when the message answers the name question, from a bare
 * answer of one to three words ("ana ruiz"). Words such as "yes" or "tomorrow" are not names.
 * Returns the name in title case when the lead typed it all in one case.
 */
export function parseName(text: string, options: ParseNameOptions = {}): NameMatch | null {
  const greeting = greetingCue.exec(text);
  if (greeting !== null) {
    const name = takeNameWords(text.slice(greeting[0].length), false);
    if (name !== null) {
      return { value: toTitleCase(name), matchedText: `${greeting[0]}${name}` };
    }
  }
  const strong = strongCues.exec(text);
  if (strong !== null) {
    const name = takeNameWords(text.slice(strong.index + strong[0].length), false);
    if (name !== null) {
      return { value: toTitleCase(name), matchedText: `${strong[0]}${name}` };
    }
  }
  const here = hereSuffix.exec(text);
  if (here?.[1] !== undefined && takeNameWords(here[1], false) === here[1]) {
    return { value: toTitleCase(here[1]), matchedText: here[0] };
  }
  const from = fromPrefix.exec(text);
  if (from?.[1] !== undefined && takeNameWords(from[1], true) === from[1]) {
    return { value: from[1], matchedText: from[1] };
  }
  const weak = weakCues.exec(text);
  if (weak !== null) {
    const name = takeNameWords(text.slice(weak.index + weak[0].length), !options.isAnswer);
    if (name !== null) {
      return { value: toTitleCase(name), matchedText: `${weak[0]}${name}` };
    }
  }
  return options.isAnswer ? readBareName(text) : null;
}

/**
 * Reads a name given as the whole answer ("ana ruiz", "sure, Nicole", "Mr. Thompson", "it's
 * for the Hendersons"), or as one capitalised part of it ("its for my mom, Rosa Diaz").
 */
function readBareName(text: string): NameMatch | null {
  const bare = text
    .trim()
    .replace(/[\s.,!]*(?:thanks|thank you|thx|ty)?[\s.!]*$/i, '')
    .replace(answerPrefix, '')
    .replace(honorific, '');
  const family = /^the\s+(\p{L}[\p{L}'-]+?)s$/iu.exec(bare)?.[1];
  const candidate = family ?? bare;
  if (candidate !== '' && takeNameWords(candidate, false) === candidate) {
    return { value: toTitleCase(candidate), matchedText: text };
  }
  const parts = text.split(/[,;]\s*/).map((part) => part.trim());
  for (const part of parts.length > 1 ? parts : []) {
    if (part !== '' && takeNameWords(part, true) === part) {
      return { value: part, matchedText: part };
    }
  }
  return null;
}

/**
 * Takes one to three name-like words from the start of `text`, stopping at punctuation or a
 * word that is not a name. Returns null when the first word is not a name.
 */
function takeNameWords(text: string, mustBeCapitalised: boolean): string | null {
  const words: string[] = [];
  for (const raw of text.trim().split(/\s+/)) {
    const word = raw.replace(/[,.!?;:]+$/, '');
    const isName = nameWordPattern.test(word) && !notNameWords.has(word.toLowerCase());
    if (!isName || (mustBeCapitalised && !/^\p{Lu}/u.test(word))) {
      break;
    }
    words.push(word);
    if (words.length === 3 || word !== raw) {
      break;
    }
  }
  return words.length === 0 ? null : words.join(' ');
}

function toTitleCase(name: string): string {
  const isOneCase = name === name.toLowerCase() || name === name.toUpperCase();
  if (!isOneCase) {
    return name;
  }
  const capitalise = (_whole: string, before: string, letter: string) =>
    `${before}${letter.toUpperCase()}`;
  return name.toLowerCase().replace(/(^|[\s'-])(\p{L})/gu, capitalise);
}
