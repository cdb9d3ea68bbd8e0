import { describe, expect, it } from 'vitest';
import { parseYesNo } from '../../bot/understanding/parse-yes-no.ts';

describe('parseYesNo', () => {
  it.each([
    'yes',
    'Yes!',
    'y',
    'yep',
    'yup',
    'yeah',
    'yeahhh',
    'yess',
    'yea sure',
    'sure',
    'sure thing',
    'ok',
    'Okay',
    'of course',
    'absolutely',
    'absolutly',
    'correct',
    'si',
    'Sí',
    'claro',
    'claro que si',
    'sounds good',
    'that works',
    '👍',
  ])('reads "%s" as yes', (text) => {
    expect(parseYesNo(text)).toBe(true);
  });

  it.each([
    'no',
    'No.',
    'nope',
    'nah',
    'noooo',
    'n',
    'no thanks',
    'not really',
    "I don't think so",
    'no gracias',
    'negative',
  ])('reads "%s" as no', (text) => {
    expect(parseYesNo(text)).toBe(false);
  });

  const neither = ['maybe', 'not sure', 'idk', 'what?', 'tomorrow', ''];

  it.each(neither)('reads "%s" as neither', (text) => {
    expect(parseYesNo(text)).toBeNull();
  });
});
