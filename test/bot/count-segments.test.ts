import { describe, expect, it } from 'vitest';
import { countSegments } from '../../bot/sms/count-segments.ts';

describe('countSegments', () => {
  it.each([
    ['empty text', '', 'GSM-7', 0, 1],
    ['160 GSM-7 characters', 'a'.repeat(160), 'GSM-7', 160, 1],
    ['161 GSM-7 characters', 'a'.repeat(161), 'GSM-7', 161, 2],
    ['306 GSM-7 characters', 'a'.repeat(306), 'GSM-7', 306, 2],
    ['307 GSM-7 characters', 'a'.repeat(307), 'GSM-7', 307, 3],
    ['80 euro signs', '€'.repeat(80), 'GSM-7', 160, 1],
    ['accented letters in GSM-7', 'é è ñ Ü à ¿ ¡ £ ¥', 'GSM-7', 17, 1],
    ['70 UCS-2 characters', 'ç'.repeat(70), 'UCS-2', 70, 1],
    ['71 UCS-2 characters', 'á'.repeat(71), 'UCS-2', 71, 2],
    ['one emoji in a short text', 'ok 👍', 'UCS-2', 5, 1],
    ['35 emoji', '😀'.repeat(35), 'UCS-2', 70, 1],
  ] as const)('counts %s', (_name, text, encoding, units, segments) => {
    const count = countSegments(text);

    expect(count.encoding).toBe(encoding);
    expect(count.units).toBe(units);
    expect(count.segments).toBe(segments);
  });

  it('keeps an extension character whole at a segment boundary', () => {
    const text = `${'a'.repeat(152)}€${'a'.repeat(152)}`;

    const count = countSegments(text);

    expect(count.units).toBe(306);
    expect(count.segments).toBe(3);
  });

  it('keeps a surrogate pair whole at a segment boundary', () => {
    const text = `${'á'.repeat(66)}😀${'á'.repeat(66)}`;

    const count = countSegments(text);

    expect(count.units).toBe(134);
    expect(count.segments).toBe(3);
  });
});
