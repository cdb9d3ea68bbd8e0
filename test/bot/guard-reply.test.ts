import { describe, expect, it } from 'vitest';
import { guardReply } from '../../bot/guardrails/guard-reply.ts';
import { commitmentKey, findCommitments } from '../../bot/guardrails/find-commitments.ts';
import { countSegments } from '../../bot/sms/count-segments.ts';
import { catalogFromYaml } from './support/test-context.ts';
import { lastOf, runConversation } from './support/run-conversation.ts';

const bookingLink = 'https://book.example.com/ace';

describe('guardReply', () => {
  it('keeps the booking link', () => {
    const result = guardReply(`Book here: ${bookingLink}/`, { bookingLink, maxSegments: 3 });

    expect(result.text).toBe(`Book here: ${bookingLink}/`);
    expect(result.log).toEqual([]);
  });

  it.each([
    'Also see https://evil.example.net/x now',
    'Also see www.evil.com now',
    'Also see evil.ru/login now',
    'Also see http://book.example.com.evil.io now',
  ])('removes and logs another link in "%s"', (text) => {
    const result = guardReply(text, { bookingLink, maxSegments: 3 });

    expect(result.text).toBe('Also see now');
    expect(result.log[0]?.message).toBe('Removed a link that is not the booking link');
  });

  it('removes every link when the business has no booking link', () => {
    const result = guardReply(`Book here: ${bookingLink}`, { bookingLink: null, maxSegments: 3 });

    expect(result.text).toBe('Book here:');
  });

  it.each([
    ['evil.shop/pay', 'bare domain on a new TLD'],
    ['evil.de/x', 'bare domain on a country TLD'],
    ['x_evil.com/login', 'domain after an underscore'],
    ['pay@evil.com/phish', 'domain after an at sign'],
    ['ana@gmail.com', 'e-mail address'],
    ['EVIL.COM', 'upper-case domain'],
    ['evil.zip', 'domain without a path'],
    ['evil.co:8080/x', 'domain with a port'],
    ['evil。com/x', 'domain with an ideographic dot'],
    ['done.Thanks', 'sentence ended without a space'],
  ])('removes %s (%s)', (link) => {
    const result = guardReply(`Also see ${link} now`, { bookingLink, maxSegments: 3 });

    expect(result.text).toBe('Also see now');
    expect(result.log[0]?.data).toEqual({ link });
  });

  it.each([
    'Meet at 12 Main St. Apt 4, e.g. after 3.30 or 5.45pm.',
    'Mr. Ruiz said 3.5 hours, i.e. about $ on Mon.-Fri. at 9 a.m. sharp.',
    'Fixed it. See you soon!',
    'The U.S. office opens at 10.15 today...',
  ])('keeps ordinary text "%s"', (text) => {
    const result = guardReply(text, { bookingLink, maxSegments: 3 });

    expect(result.text).toBe(text);
    expect(result.log).toEqual([]);
  });

  it('keeps the booking link written without a scheme', () => {
    const result = guardReply('Book at book.example.com/ace', { bookingLink, maxSegments: 3 });

    expect(result.text).toBe('Book at book.example.com/ace');
  });

  it('removes a link that only the removal of a space would form', () => {
    const result = guardReply('Also see evil .com/x now', { bookingLink, maxSegments: 3 });

    expect(result.text).toBe('Also see now');
  });

  it('removes a link that only the removal of a price would form', () => {
    const result = guardReply('Also see evil$50 .com/x now', { bookingLink, maxSegments: 3 });

    expect(result.text).toBe('Also see now');
  });

  it('removes the second copy of a host without touching the booking link', () => {
    const text = `Book at ${bookingLink} or book.example.com`;

    const result = guardReply(text, { bookingLink, maxSegments: 3 });

    expect(result.text).toBe(`Book at ${bookingLink} or`);
  });

  it('shortens a reply to fit max_segments', () => {
    const long = 'word '.repeat(200).trim();

    const result = guardReply(long, { bookingLink, maxSegments: 2 });

    expect(countSegments(result.text ?? '').segments).toBe(2);
    expect(result.text?.endsWith('...')).toBe(true);
    expect(result.log[0]?.data).toEqual({ segments: 7, maxSegments: 2 });
  });

  it('replaces typographic quotes that force UCS-2', () => {
    const result = guardReply('We’re on it', { bookingLink, maxSegments: 1 });

    expect(result.text).toBe("We're on it");
    expect(countSegments(result.text ?? '').encoding).toBe('GSM-7');
  });
});

describe('lead text in replies', () => {
  const echoFlow = `id: echo
version: "1"
name: Echo
start: need
settings: { slot_max_length: 30 }
steps:
  need: { type: ask, slot: need, kind: text, next: done }
  done: { type: end, text: "Noted: {{slots.need}}", outcome: qualified }
`;

  it('strips links and braces from a rendered slot', async () => {
    const catalog = catalogFromYaml(echoFlow);

    const results = await runConversation(catalog, 'echo', ['fix {{x}} see evil.com/x']);

    expect(lastOf(results).replies).toEqual(['Noted: fix x see']);
    expect(lastOf(results).log.at(-1)?.message).toBe('Removed a link that is not the booking link');
  });

  it('cuts a rendered slot to slot_max_length', async () => {
    const catalog = catalogFromYaml(echoFlow);
    const text = 'the kitchen sink drips all night and the disposal hums';

    const results = await runConversation(catalog, 'echo', [text]);

    expect(lastOf(results).replies).toEqual(['Noted: the kitchen sink drips all...']);
  });
});

describe('guardReply commitments', () => {
  const options = { bookingLink: 'https://book.example.com/ace', maxSegments: 3 };

  it('removes a price and a promise that are not in the flow', () => {
    const text = 'Got it: fix the sink for $50 guaranteed today in 60614.';

    const result = guardReply(text, { ...options, allowedCommitments: new Set() });

    expect(result.text).toBe('Got it: fix the sink for today in 60614.');
    expect(result.log.map((entry) => entry.data?.text)).toEqual(['$50', 'guaranteed']);
  });

  it('keeps a price that the flow itself states', () => {
    const allowed = new Set(findCommitments('The trip fee is $89.').map((found) => commitmentKey(found.text)));

    const result = guardReply('The trip fee is $89.', { ...options, allowedCommitments: allowed });

    expect(result.text).toBe('The trip fee is $89.');
    expect(result.log).toEqual([]);
  });

  it.each([
    ['100 dollars', ['100 dollars']],
    ['20% off today', ['20% off']],
    ['free estimate', ['free']],
    ['done within 2 hours', ['within 2 hours']],
    ['same-day service', ['same-day']],
    ['una garantía de 1 año', ['garantía']],
  ])('finds the commitment in "%s"', (text, expected) => {
    expect(findCommitments(text).map((found) => found.text)).toEqual(expected);
  });
});
