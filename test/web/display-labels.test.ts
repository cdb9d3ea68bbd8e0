import { describe, expect, it } from 'vitest';
import { describeEvent } from '../../web/src/features/inbox/describe-event.ts';
import { listTimeZoneChoices } from '../../web/src/features/settings/time-zone-choices.ts';
import { listLeadDetails } from '../../web/src/lib/lead-details.ts';
import { describeOutcome } from '../../web/src/lib/lead-outcome.ts';

function event(type: string, data: Record<string, unknown> = {}) {
  return { id: 1, type, data, createdAt: '2026-03-10T15:00:00Z' };
}

describe('activity log labels', () => {
  const cases: Array<[string, Record<string, unknown>, string | RegExp]> = [
    ['call.missed', {}, 'Missed call'],
    ['call.answered', {}, 'Call answered'],
    ['call.voicemail', {}, 'Voicemail left'],
    ['text_back.sent', {}, 'Text back sent'],
    ['text_back.skipped', { reason: 'recently_texted' }, 'No text back: texted back recently'],
    ['text_back.delayed', { dueAt: '2026-03-10T15:02:00Z' }, /^Text back waits until \d/],
    ['contact.opted_out', {}, 'Contact opted out'],
    ['contact.opted_in', {}, 'Contact opted back in'],
    ['message.likely_opt_out', {}, 'Possible opt-out: bot paused'],
    ['conversation.booked', {}, 'Lead booked'],
    ['conversation.discarded', {}, 'Bot marked this not a lead'],
    ['staff.notified', { member: 'Rosa' }, 'Rosa was alerted'],
    ['staff.took_over', { userName: 'Rosa' }, 'Rosa took over'],
    ['workflow.started', {}, 'Follow-ups started'],
    ['workflow.step_scheduled', { step: 'send_sms', dueAt: '2026-03-10T17:00:00Z' }, /^Nudge scheduled for .*\d/],
    ['workflow.step_skipped', { step: 'notify' }, 'Alert skipped'],
    ['workflow.stopped', { reason: 'replied' }, 'Follow-ups stopped: the lead replied'],
    ['workflow.sms_sent', {}, 'Nudge sent'],
    ['bot.warn', { message: 'The LLM timed out' }, 'Bot: The LLM timed out'],
  ];

  for (const [type, data, expected] of cases) {
    it(`labels ${type}`, () => {
      const label = describeEvent(event(type, data));

      expect(label).toMatch(expected instanceof RegExp ? expected : new RegExp(`^${escape(expected)}$`));
    });
  }

  it('capitalizes an unknown type as words', () => {
    expect(describeEvent(event('lead.something_new'))).toBe('Lead something new');
  });
});

describe('collected details', () => {
  it('labels known keys and hides the raw preferred time', () => {
    const details = listLeadDetails({
      zip: '55501',
      preferred_time: '2026-12-05T15:00:00-06:00',
      preferred_time_label: 'Sat, Dec 5 at 3 PM',
      need: 'leaking water heater',
    });

    expect(details.map((detail) => detail.label)).toEqual(['Need', 'ZIP', 'Preferred time']);
  });

  it('formats a timestamp at its own wall-clock time', () => {
    const [detail] = listLeadDetails({ callback_at: '2026-12-05T15:00:00-06:00' });

    expect(detail?.label).toBe('Callback at');
    expect(detail?.value).toMatch(/Dec 5, 2026/);
    expect(detail?.value).toMatch(/3:00/);
    expect(detail?.value).not.toContain('T15');
  });
});

describe('outcome labels', () => {
  it('names each outcome in words', () => {
    expect(describeOutcome('needs_human')).toBe('Needs a human');
    expect(describeOutcome('qualified')).toBe('Booking link sent');
    expect(describeOutcome('discarded')).toBe('Not a lead');
  });
});

describe('time zone choices', () => {
  it('lists current names instead of old ones', () => {
    const zones = listTimeZoneChoices('America/Chicago');

    expect(zones).toContain('Asia/Kolkata');
    expect(zones).toContain('Europe/Kyiv');
    expect(zones).not.toContain('Asia/Calcutta');
    expect(zones).not.toContain('Europe/Kiev');
  });

  it('keeps a saved old name selectable', () => {
    expect(listTimeZoneChoices('Asia/Calcutta')).toContain('Asia/Calcutta');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
