import request from 'supertest';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeTwilio } from '../support/fake-twilio.ts';
import type { FakeTwilio } from '../support/fake-twilio.ts';
import { callParams, seedBusiness, smsParams } from '../support/seed.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';
import { createTestDatabase } from '../support/test-database.ts';
import type { TestDatabase } from '../support/test-database.ts';
import { createWebSession } from '../support/web-session.ts';
import type { WebSession } from '../support/web-session.ts';
import { startTestWorkflows } from '../workflows/support/start-test-workflows.ts';
import type { TestWorkflows } from '../workflows/support/start-test-workflows.ts';

const hour = 3_600_000;

let database: TestDatabase;
let twilio: FakeTwilio;
let testApp: TestApp;
let workflows: TestWorkflows;
let staff: WebSession;
let otherOwner: WebSession;

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
  workflows = await startTestWorkflows(testApp, database);
  const business = await seedBusiness(database.db);
  const other = await seedBusiness(database.db, {
    name: 'Lopez HVAC',
    phoneNumber: '+15555550177',
  });
  staff = await createWebSession(testApp.app, database.db, {
    businessId: business.id,
    email: 'sam@rivera.example',
  });
  otherOwner = await createWebSession(testApp.app, database.db, {
    businessId: other.id,
    email: 'bob@lopez.example',
    role: 'owner',
  });
});

afterEach(async () => {
  await workflows.stop();
});

async function missCall(call: Record<string, string>): Promise<void> {
  await testApp.postWebhook('/webhooks/twilio/voice', call);
  await testApp.postWebhook('/webhooks/twilio/voice/dial-status', {
    ...call,
    DialCallStatus: 'no-answer',
  });
  await workflows.settle();
}

async function readConversation(session: WebSession) {
  const list = await session.get('/app-api/conversations');
  const id = list.body.conversations[0].id as string;
  const detail = await session.get(`/app-api/conversations/${id}`);
  expect(detail.status).toBe(200);
  return detail.body.conversation;
}

async function leaveVoicemail(call: Record<string, string>): Promise<void> {
  await testApp.postWebhook('/webhooks/twilio/voice/recording', {
    AccountSid: call.AccountSid ?? '',
    CallSid: call.CallSid ?? '',
    RecordingSid: 'RE1',
    RecordingUrl: `${twilio.url}/media/RE1`,
    RecordingStatus: 'completed',
    RecordingDuration: '14',
  });
  await testApp.postWebhook('/webhooks/twilio/voice/transcription', {
    CallSid: call.CallSid ?? '',
    TranscriptionStatus: 'completed',
    TranscriptionText: 'Hi, my basement drain is backing up, call me back please.',
  });
  await workflows.settle();
}

describe('inbox call details', () => {
  it('states each call’s verdict in plain words', async () => {
    await missCall(callParams());

    const conversation = await readConversation(staff);

    expect(conversation.calls).toHaveLength(1);
    expect(conversation.calls[0].verdictLabel).toBe('No answer');
    expect(conversation.calls[0].voicemail).toBeNull();
  });

  it('shows the voicemail with its transcript and plays it for the business only', async () => {
    const call = callParams();
    await missCall(call);
    await leaveVoicemail(call);

    const [voicemailCall] = (await readConversation(staff)).calls;
    const { voicemail } = voicemailCall;
    expect(voicemail.transcript).toContain('basement drain');
    expect(voicemail.durationSeconds).toBe(14);
    expect(voicemail).not.toHaveProperty('recordingUrl');
    expect(voicemail.audioUrl).toBe(`/app-api/voicemails/${voicemail.id}/audio`);

    const audio = await staff.get(voicemail.audioUrl).buffer(true);
    expect(audio.status).toBe(200);
    expect(audio.headers['content-type']).toContain('audio/x-wav');
    expect(audio.body.toString()).toBe('RIFF-voicemail');

    const foreign = await otherOwner.get(voicemail.audioUrl);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('not_found');
  });

  it('refuses the voicemail audio without a session', async () => {
    const call = callParams();
    await missCall(call);
    await leaveVoicemail(call);
    const { voicemail } = (await readConversation(staff)).calls[0];

    const anonymous = await request(testApp.app).get(voicemail.audioUrl);

    expect(anonymous.status).toBe(401);
  });
});

describe('inbox scheduled nudges', () => {
  it('lists the nudge scheduled 2 hours after a missed call while the lead is silent', async () => {
    const missedAt = testApp.ctx.now().getTime();
    await missCall(callParams());

    const { nudges } = await readConversation(staff);

    expect(nudges).toHaveLength(1);
    expect(nudges[0].status).toBe('scheduled');
    expect(nudges[0].label).toContain('Follow-up text');
    expect(new Date(nudges[0].dueAt).getTime() - missedAt).toBeGreaterThanOrEqual(2 * hour);
    expect(new Date(nudges[0].dueAt).getTime() - missedAt).toBeLessThan(2 * hour + 60_000);
  });

  it('drops the nudge once the lead replies', async () => {
    await missCall(callParams());
    testApp.clock.advance(10 * 60_000);
    await testApp.postWebhook('/webhooks/twilio/sms', smsParams('my sink is leaking'));
    await workflows.settle();

    const { nudges } = await readConversation(staff);

    expect(nudges).toEqual([]);
  });
});
