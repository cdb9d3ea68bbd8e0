import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BusinessInput } from '../../server/businesses/business.ts';
import { listNotifications } from '../../server/notifications/notification-repo.ts';
import { startFakeTwilio } from '../support/fake-twilio.ts';
import type { FakeTwilio } from '../support/fake-twilio.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';
import { createTestDatabase } from '../support/test-database.ts';
import type { TestDatabase } from '../support/test-database.ts';
import { callParams, seedBusiness, smsParams } from '../support/seed.ts';

let database: TestDatabase;
let twilio: FakeTwilio;
let testApp: TestApp;
let businessId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  twilio = await startFakeTwilio();
  twilio.media.set('RE1', { contentType: 'audio/x-wav', data: Buffer.from('RIFF-voicemail') });
});

afterAll(async () => {
  await twilio.close();
  await database.close();
});

beforeEach(async () => {
  await database.reset();
  twilio.messages.length = 0;
  testApp = await createTestApp({ db: database.db, fakeTwilioUrl: twilio.url });
});

async function seed(overrides: Partial<BusinessInput> = {}): Promise<void> {
  businessId = (await seedBusiness(database.db, overrides)).id;
}

async function readCall(): Promise<Record<string, unknown>> {
  const rows = await database.db.query.calls.findMany();
  return rows[0] as unknown as Record<string, unknown>;
}

async function dialOutcome(call: Record<string, string>, fields: Record<string, string>) {
  const response = await testApp.postWebhook('/webhooks/twilio/voice/dial-status', { ...call, ...fields });
  await testApp.ctx.tasks.drain();
  return response;
}

describe('forwarded when unanswered', () => {
  it.each([
    ['with ForwardedFrom', { ForwardedFrom: '+15555550177' }],
    ['without ForwardedFrom', {}],
  ])('texts at once and records a voicemail, %s', async (_name, extra) => {
    await seed({ connectionMode: 'forwarded', carrierNumber: '+15555550177', forwardingNumber: null });

    const response = await testApp.postWebhook('/webhooks/twilio/voice', callParams(extra));
    await testApp.ctx.tasks.drain();

    expect(response.text).toContain('<Record');
    expect(response.text).toContain('maxLength="120"');
    expect(response.text).toContain('recordingStatusCallback="https://textback.test/webhooks/twilio/voice/recording"');
    expect(twilio.messages).toHaveLength(1);
    const call = await readCall();
    expect(call.verdict).toBe('forwarded_by_carrier');
    expect(call.status).toBe('missed');
  });

  it('answers with a short apology when voicemail is off', async () => {
    await seed({ connectionMode: 'forwarded', voicemailEnabled: false });

    const response = await testApp.postWebhook('/webhooks/twilio/voice', callParams());

    expect(response.text).not.toContain('<Record');
    expect(response.text).toContain('<Hangup/>');
  });

  it('asks Twilio for a transcription when the owner turns it on', async () => {
    await seed({ connectionMode: 'forwarded', transcribeVoicemail: true });

    const response = await testApp.postWebhook('/webhooks/twilio/voice', callParams());

    expect(response.text).toContain('transcribe="true"');
    expect(response.text).toContain('transcribeCallback="https://textback.test/webhooks/twilio/voice/transcription"');
  });
});

describe('greeting promise of a text', () => {
  it('promises a text to a caller who will get one', async () => {
    await seed({ connectionMode: 'forwarded' });

    const response = await testApp.postWebhook('/webhooks/twilio/voice', callParams());

    expect(response.text).toContain('We will also text you shortly.');
  });

  it.each([
    ['a withheld caller ID', { From: 'Anonymous', Caller: 'Anonymous' }],
    ['an empty caller ID', { From: '', Caller: '' }],
  ])('promises nothing to %s', async (_name, caller) => {
    await seed({ connectionMode: 'forwarded' });

    const response = await testApp.postWebhook('/webhooks/twilio/voice', callParams(caller));

    expect(response.text).toContain('Please leave a message after the beep.');
    expect(response.text).not.toContain('text you');
  });

  it('promises nothing to a caller who opted out', async () => {
    await seed({ connectionMode: 'forwarded', voicemailEnabled: false });
    await testApp.postWebhook('/webhooks/twilio/sms', smsParams('STOP'));

    const response = await testApp.postWebhook('/webhooks/twilio/voice', callParams());
    await testApp.ctx.tasks.drain();

    expect(response.text).toContain('could not take your call.');
    expect(response.text).not.toContain('text you');
    expect(twilio.messages.filter((message) => message.body.includes('Rivera Plumbing'))).toHaveLength(0);
  });

  it('promises nothing when text back is off', async () => {
    await seed({ connectionMode: 'forwarded', textBackEnabled: false });

    const response = await testApp.postWebhook('/webhooks/twilio/voice', callParams());

    expect(response.text).not.toContain('text you');
  });
});

describe('voicemail', () => {
  it('falls back to voicemail when the ring-through dial is not answered', async () => {
    await seed();
    const call = callParams();
    await testApp.postWebhook('/webhooks/twilio/voice', call);

    const response = await dialOutcome(call, { DialCallStatus: 'no-answer' });

    expect(response.text).toContain('Please leave a message after the beep.');
    expect(response.text).toContain('<Record');
  });

  it('stores the recording once, notifies staff and keeps the transcript', async () => {
    await seed();
    const call = callParams();
    await testApp.postWebhook('/webhooks/twilio/voice', call);
    await dialOutcome(call, { DialCallStatus: 'no-answer' });
    const recording = {
      AccountSid: call.AccountSid ?? '',
      CallSid: call.CallSid ?? '',
      RecordingSid: 'RE1',
      RecordingUrl: `${twilio.url}/media/RE1`,
      RecordingStatus: 'completed',
      RecordingDuration: '14',
    };

    await testApp.postWebhook('/webhooks/twilio/voice/recording', recording);
    await testApp.postWebhook('/webhooks/twilio/voice/recording', recording);
    await testApp.postWebhook('/webhooks/twilio/voice/transcription', {
      CallSid: call.CallSid ?? '',
      TranscriptionStatus: 'completed',
      TranscriptionText: 'Hi, my basement drain is backing up, call me back please.',
    });
    await testApp.ctx.tasks.drain();

    const voicemails = await database.db.query.voicemails.findMany();
    expect(voicemails).toHaveLength(1);
    expect(voicemails[0]?.status).toBe('stored');
    expect(voicemails[0]?.durationSeconds).toBe(14);
    expect(voicemails[0]?.transcript).toContain('basement drain');
    const notifications = await listNotifications(database.db, businessId);
    expect(notifications.filter((notification) => notification.kind === 'voicemail')).toHaveLength(1);
    const conversation = await database.db.query.conversations.findFirst();
    expect((conversation?.details as Record<string, unknown>).voicemail).toBe('left');
    const detail = await testApp.api().get(`/api/conversations/${conversation?.id}`);
    const voicemail = detail.body.conversation.calls[0].voicemail;
    expect(voicemail.transcript).toContain('basement drain');
    const audio = await testApp.api().get(`/api/voicemails/${voicemail.id}/audio`).buffer(true);
    expect(audio.status).toBe(200);
    expect(audio.body.toString()).toBe('RIFF-voicemail');
  });

  it('thanks the lead for the voicemail in the bot\'s first reply', async () => {
    await seed();
    const call = callParams();
    await testApp.postWebhook('/webhooks/twilio/voice', call);
    await dialOutcome(call, { DialCallStatus: 'no-answer' });
    await testApp.postWebhook('/webhooks/twilio/voice/recording', {
      CallSid: call.CallSid ?? '',
      RecordingSid: 'RE1',
      RecordingUrl: `${twilio.url}/media/RE1`,
      RecordingStatus: 'completed',
      RecordingDuration: '9',
    });
    await testApp.ctx.tasks.drain();
    const before = twilio.messages.length;

    await testApp.postWebhook('/webhooks/twilio/sms', smsParams('my basement drain is backing up'));
    await testApp.ctx.tasks.drain();

    const replies = twilio.messages.slice(before).map((message) => message.body);
    expect(replies[0]).toMatch(/^Thanks for your voicemail\. /);
  });

  it('ends the recording with a goodbye', async () => {
    await seed();

    const response = await testApp.postWebhook('/webhooks/twilio/voice/recording-done', callParams());

    expect(response.text).toContain('Goodbye');
    expect(response.text).toContain('<Hangup/>');
  });
});

describe('call screening', () => {
  it('puts a screening prompt in front of the business phone', async () => {
    await seed({ callScreening: true });
    const call = callParams();

    const voice = await testApp.postWebhook('/webhooks/twilio/voice', call);
    const screen = await testApp.postWebhook(`/webhooks/twilio/voice/screen?parentCallSid=${call.CallSid}`, {
      CallSid: 'CAchild',
    });

    expect(voice.text).toContain(`url="https://textback.test/webhooks/twilio/voice/screen?parentCallSid=${call.CallSid}"`);
    expect(screen.text).toContain('<Gather');
    expect(screen.text).toContain('Press 1 to accept');
  });

  it.each([
    ['accepted with 1', '1', 'answered', 0],
    ['refused with 2', '2', 'not_accepted', 1],
    ['never answered by a key (voicemail pickup)', null, 'not_accepted', 1],
  ])('treats a screened call %s as %s', async (_name, digits, verdict, texts) => {
    await seed({ callScreening: true });
    const call = callParams();
    await testApp.postWebhook('/webhooks/twilio/voice', call);

    if (digits !== null) {
      await testApp.postWebhook(`/webhooks/twilio/voice/screen-result?parentCallSid=${call.CallSid}`, {
        CallSid: 'CAchild',
        Digits: digits,
      });
    }
    await dialOutcome(call, { DialCallStatus: 'completed', DialCallDuration: '25' });

    expect((await readCall()).verdict).toBe(verdict);
    expect(twilio.messages).toHaveLength(texts);
  });
});

describe('short completed calls without screening', () => {
  it.each([
    ['machine_end_beep', '30', 0, 'answered_by_machine', 1],
    ['human', '30', 10, 'answered', 0],
    ['', '4', 10, 'short_answer', 1],
    ['', '40', 10, 'answered', 0],
    ['', '4', 0, 'answered', 0],
  ])('reads AnsweredBy "%s", %s s, threshold %i s as %s', async (answeredBy, duration, threshold, verdict, texts) => {
    await seed({ shortAnswerSeconds: threshold });
    const call = callParams();
    await testApp.postWebhook('/webhooks/twilio/voice', call);

    await dialOutcome(call, { DialCallStatus: 'completed', DialCallDuration: duration, AnsweredBy: answeredBy });

    expect((await readCall()).verdict).toBe(verdict);
    expect(twilio.messages).toHaveLength(texts);
  });
});

describe('call verdicts', () => {
  it.each([
    [{ DialCallStatus: 'busy' }, 'Line busy'],
    [{ DialCallStatus: 'no-answer' }, 'No answer'],
    [{ DialCallStatus: 'failed' }, 'Forwarding to the business phone failed'],
  ])('explains %o as "%s" through the REST API', async (fields, label) => {
    await seed();
    const call = callParams();
    await testApp.postWebhook('/webhooks/twilio/voice', call);

    await dialOutcome(call, fields);

    const conversation = await database.db.query.conversations.findFirst();
    const detail = await testApp.api().get(`/api/conversations/${conversation?.id}`);
    expect(detail.body.conversation.calls[0].verdictLabel).toBe(label);
  });
});
