import { describe, expect, it } from 'vitest';
import { parseAddress } from '../../bot/understanding/parse-address.ts';
import { parseChoice } from '../../bot/understanding/parse-choice.ts';
import { parseEmail } from '../../bot/understanding/parse-email.ts';
import { parseNumber } from '../../bot/understanding/parse-number.ts';
import { parsePhone } from '../../bot/understanding/parse-phone.ts';
import { parseZip } from '../../bot/understanding/parse-zip.ts';

describe('parsePhone', () => {
  it.each([
    ['(312) 555-0142', '+13125550142'],
    ['312.555.0142', '+13125550142'],
    ['3125550142', '+13125550142'],
    ['+1 312 555 0142', '+13125550142'],
    ['1-312-555-0142', '+13125550142'],
    ['my cell is 312 555 0142 thx', '+13125550142'],
    ['312-555-O142', '+13125550142'],
    ['mi numero es 415 555 2671', '+14155552671'],
  ])('reads "%s"', (text, value) => {
    expect(parsePhone(text)?.value).toBe(value);
  });

  it.each(['555-123-4567', '60614', 'call me', '12345678'])('rejects "%s"', (text) => {
    expect(parsePhone(text)).toBeNull();
  });
});

describe('parseEmail', () => {
  it.each([
    ['ana@example.com', 'ana@example.com'],
    ['Ana.Ruiz@Example.COM', 'ana.ruiz@example.com'],
    ['email is ana+home@mail.example.org thanks', 'ana+home@mail.example.org'],
    ['ana@gmail,com', 'ana@gmail.com'],
    ['ana@gmail. com', 'ana@gmail.com'],
    ['ana at gmail dot com', 'ana@gmail.com'],
    ['ana [at] example [dot] com', 'ana@example.com'],
  ])('reads "%s"', (text, value) => {
    expect(parseEmail(text)?.value).toBe(value);
  });

  it.each(['ana', 'ana@', 'home at 3', 'example.com'])('rejects "%s"', (text) => {
    expect(parseEmail(text)).toBeNull();
  });
});

describe('parseZip', () => {
  it.each([
    ['60614', '60614'],
    ['zip is 60614-1234', '60614'],
    ['its 60614', '60614'],
    ['123 Main St, Chicago IL 60614', '60614'],
  ])('reads "%s"', (text, value) => {
    expect(parseZip(text)?.value).toBe(value);
  });

  it.each(['6061', '606145', '312-555-0142', '00000', 'Chicago'])('rejects "%s"', (text) => {
    expect(parseZip(text)).toBeNull();
  });
});

describe('parseAddress', () => {
  it.each([
    ['123 Main St', '123 Main St'],
    ['it is 4410 N Lincoln Ave apt 2', '4410 N Lincoln Ave apt 2'],
    ['55 w elm street, chicago', '55 w elm street'],
    ['calle 5 de mayo 12', undefined],
  ])('reads the street address in "%s" in passing', (text, value) => {
    expect(parseAddress(text)?.value).toBe(value);
  });

  it('accepts a looser address as an answer', () => {
    expect(parseAddress('4410 N Lincoln', { isAnswer: true })?.value).toBe('4410 N Lincoln');
  });

  it.each(['my house', '60614', 'tomorrow'])('rejects "%s" as an answer', (text) => {
    expect(parseAddress(text, { isAnswer: true })).toBeNull();
  });
});

describe('parseNumber', () => {
  it.each([
    ['3', 3],
    ['about 2.5 hours', 2.5],
    ['1,200 sq ft', 1200],
    ['two', 2],
    ['we have three bathrooms', 3],
    ['dos', 2],
  ])('reads "%s"', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it('rejects text without a number', () => {
    expect(parseNumber('a few')).toBeNull();
  });
});

describe('parseChoice', () => {
  const choices = [
    { value: 'repair', label: 'Repair', synonyms: ['fix', 'broken'] },
    { value: 'install', label: 'New install', synonyms: ['replace', 'new unit'] },
    { value: 'maintenance', label: 'Maintenance', synonyms: ['tune up', 'tune-up', 'checkup'] },
  ];

  it.each([
    ['1', 'repair'],
    ['#2', 'install'],
    ['repair', 'repair'],
    ['Repiar', 'repair'],
    ['new install please', 'install'],
    ['just a tune-up', 'maintenance'],
    ['it is broken', 'repair'],
    ['MAINTENANCE', 'maintenance'],
  ])('reads "%s"', (text, value) => {
    expect(parseChoice(text, choices)).toBe(value);
  });

  it.each(['4', 'fix or replace', 'something else'])('rejects "%s"', (text) => {
    expect(parseChoice(text, choices)).toBeNull();
  });
});
