import { describe, expect, it } from 'vitest';
import { parseName } from '../../bot/understanding/parse-name.ts';

describe('parseName', () => {
  it.each([
    ['this is Ana', 'Ana'],
    ['This is ana ruiz', 'Ana Ruiz'],
    ['Ana Ruiz here', 'Ana Ruiz'],
    ['my name is Ana', 'Ana'],
    ["My name's Jean-Luc Picard", 'Jean-Luc Picard'],
    ["it's Ana", 'Ana'],
    ['Hi, this is Ana and my heater is leaking', 'Ana'],
    ['me llamo María José', 'María José'],
    ['soy Carlos', 'Carlos'],
    ["I'm Dev Patel", 'Dev Patel'],
  ])('reads the name in "%s"', (text, name) => {
    const match = parseName(text);

    expect(match?.value).toBe(name);
  });

  it.each([
    ['ana', 'Ana'],
    ['ANA RUIZ', 'Ana Ruiz'],
    ["o'brien", "O'Brien"],
    ['Ana Ruiz.', 'Ana Ruiz'],
    ['ana thanks', 'Ana'],
    ['Mary Ann Smith', 'Mary Ann Smith'],
    ["it's ana", 'Ana'],
    ['Actually, Ana Ruiz', 'Ana Ruiz'],
  ])('reads the bare answer "%s"', (text, name) => {
    const match = parseName(text, { isAnswer: true });

    expect(match?.value).toBe(name);
  });

  it.each([
    'yes',
    'tomorrow',
    'no thanks',
    'idk',
    'ok',
    'hello',
    '123',
    'why do you need that',
    'call me tomorrow',
  ])(
    'rejects "%s" as an answer',
    (text) => {
      const match = parseName(text, { isAnswer: true });

      expect(match).toBeNull();
    },
  );

  it.each(["it's leaking", "I'm not sure", 'it is broken', 'ana'])(
    'finds no name in passing in "%s"',
    (text) => {
      const match = parseName(text);

      expect(match).toBeNull();
    },
  );
});
