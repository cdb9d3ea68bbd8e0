import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { claimTextBack, findOrCreateCall } from '../../server/calls/call-repo.ts';
import { resumePendingTextBacks } from '../../server/text-back/resume-pending-text-backs.ts';
import { startFakeTwilio } from '../support/fake-twilio.ts';
import type { FakeTwilio } from '../support/fake-twilio.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';
import { createTestDatabase } from '../support/test-database.ts';
import type { TestDatabase } from '../support/test-database.ts';
import { businessNumber, callParams, forwardingNumber, leadNumber, seedBusiness } from '../support/seed.ts';

let database: TestDatabase;
let twilio: FakeTwilio;
let testApp: TestApp;

beforeAll(async () => {
  database = await createTestDatabase();
  twilio = await startFakeTwilio();
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

async function missCall(params: Record<string, string>): Promise<void> {
  await testApp.postWebhook('/webhooks/twilio/voice', params);
  await testApp.postWebhook('/webhooks/twilio/voice/dial-status', { ...params, DialCallStatus: 'no-answer' });
  await testApp.ctx.tasks.drain();
}

describe('incoming call', () => {
  it('dials the forwarding number with the ring timeout and a dial action', async () => {
    await seedBusiness(database.db);

    const response = await testApp.postWebhook('/webhooks/twilio/voice', callParams());

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/xml/);
    expect(response.text).toContain(`<Number>${forwardingNumber}</Number>`);
    expect(response.text).toContain('timeout="20"');
    expect(response.text).toContain('action="https://textback.test/webhooks/twilio/voice/dial-status"');
  });

  it('answers a call to an unknown number with valid TwiML', async () => {
    const response = await testApp.postWebhook('/webhooks/twilio/voice', callParams({ To: '+15555550000', Called: '+15555550000' }));

    expect(response.status).toBe(200);
    expect(response.text).toContain('<Hangup/>');
  });
});

describe('missed call text back', () => {
  it('texts the caller the rendered opening message once', async () => {
    await seedBusiness(database.db);

    await missCall(callParams());

    expect(twilio.messages).toHaveLength(1);
    expect(twilio.messages[0]?.to).toBe(leadNumber);
    expect(twilio.messages[0]?.from).toBe(businessNumber);
    expect(twilio.messages[0]?.body).toBe('Hi there, Rivera Plumbing here. Sorry we missed you! How can we help?');
    expect(twilio.messages[0]?.statusCallback).toMatch(/^https:\/\/textback\.test\/webhooks\/twilio\/sms\/status\?messageId=/);
  });

  it.each(['no-answer', 'busy', 'failed', 'canceled'])('treats dial status %s as missed', async (status) => {
    await seedBusiness(database.db);
    const params = callParams();

    await testApp.postWebhook('/webhooks/twilio/voice', params);
    const response = await testApp.postWebhook('/webhooks/twilio/voice/dial-status', { ...params, DialCallStatus: status });
    await testApp.ctx.tasks.drain();

    expect(response.status).toBe(200);
    expect(response.text).toContain('<Response>');
    expect(twilio.messages).toHaveLength(1);
  });

  it('sends nothing when the call was answered', async () => {
    await seedBusiness(database.db);
    const params = callParams();

    await testApp.postWebhook('/webhooks/twilio/voice', params);
    await testApp.postWebhook('/webhooks/twilio/voice/dial-status', { ...params, DialCallStatus: 'completed', DialCallDuration: '95' });
    await testApp.postWebhook('/webhooks/twilio/voice/status', { ...params, CallStatus: 'completed', CallDuration: '120' });
    await testApp.ctx.tasks.drain();

    expect(twilio.messages).toHaveLength(0);
  });

  it('sends one text when Twilio retries the webhooks', async () => {
    await seedBusiness(database.db);
    const params = callParams();
    const dialStatus = { ...params, DialCallStatus: 'no-answer' };

    await testApp.postWebhook('/webhooks/twilio/voice', params);
    await Promise.all([
      testApp.postWebhook('/webhooks/twilio/voice/dial-status', dialStatus),
      testApp.postWebhook('/webhooks/twilio/voice/dial-status', dialStatus),
      testApp.postWebhook('/webhooks/twilio/voice/status', { ...params, CallStatus: 'no-answer' }),
    ]);
    await testApp.postWebhook('/webhooks/twilio/voice/dial-status', dialStatus);
    await testApp.ctx.tasks.drain();

    expect(twilio.messages).toHaveLength(1);
  });

  it('texts a caller the status callback reports as missed', async () => {
    await seedBusiness(database.db);

    await testApp.postWebhook('/webhooks/twilio/voice/status', callParams({ CallStatus: 'no-answer' }));
    await testApp.ctx.tasks.drain();

    expect(twilio.messages).toHaveLength(1);
  });

  it('sends nothing while text back is switched off, and records why', async () => {
    const business = await seedBusiness(database.db, { textBackEnabled: false });

    await missCall(callParams());

    expect(twilio.messages).toHaveLength(0);
    const list = await testApp.api().get(`/api/businesses/${business.id}/conversations`);
    const conversationId = list.body.conversations[0].id as string;
    const detail = await testApp.api().get(`/api/conversations/${conversationId}`);
    expect(detail.body.conversation.calls[0].textBackStatus).toBe('skipped');
    expect(detail.body.conversation.calls[0].textBackReason).toBe('text_back_off');
    expect(detail.body.conversation.events.map((event: { type: string }) => event.type)).toContain('text_back.skipped');
  });

  it.each(['+266696687', 'Anonymous', 'restricted', '', 'not-a-number'])(
    'sends nothing to the caller ID "%s"',
    async (from) => {
      await seedBusiness(database.db);

      await missCall(callParams({ From: from, Caller: from }));

      expect(twilio.messages).toHaveLength(0);
    },
  );

  it('texts a repeat caller once within the window and again after it', async () => {
    await seedBusiness(database.db, { repeatWindowMinutes: 60 });

    await missCall(callParams());
    testApp.clock.advance(30 * 60_000);
    await missCall(callParams());
    testApp.clock.advance(31 * 60_000);
    await missCall(callParams());

    expect(twilio.messages).toHaveLength(2);
  });

  it('keeps repeat calls in one conversation', async () => {
    const business = await seedBusiness(database.db);

    await missCall(callParams());
    await missCall(callParams());

    const list = await testApp.api().get(`/api/businesses/${business.id}/conversations`);
    expect(list.body.conversations).toHaveLength(1);
    const detail = await testApp.api().get(`/api/conversations/${list.body.conversations[0].id}`);
    expect(detail.body.conversation.calls).toHaveLength(2);
  });

  it('records a failed send with the provider error code', async () => {
    const business = await seedBusiness(database.db);
    twilio.failNext(21610);

    await missCall(callParams());

    const list = await testApp.api().get(`/api/businesses/${business.id}/conversations`);
    const detail = await testApp.api().get(`/api/conversations/${list.body.conversations[0].id}`);
    expect(detail.body.conversation.messages[0].status).toBe('failed');
    expect(detail.body.conversation.messages[0].errorCode).toBe('21610');
    expect(detail.body.conversation.calls[0].textBackStatus).toBe('failed');
  });
});

describe('text backs interrupted by a restart', () => {
  it('sends a claimed but unsent text back once on start-up', async () => {
    const business = await seedBusiness(database.db);
    const call = await findOrCreateCall(database.db, { businessId: business.id, callSid: 'CA-crashed', callerNumber: leadNumber, at: new Date() });
    await claimTextBack(database.db, call.id);

    const resumed = await resumePendingTextBacks(testApp.ctx);
    const resumedAgain = await resumePendingTextBacks(testApp.ctx);

    expect(resumed).toBe(1);
    expect(resumedAgain).toBe(0);
    expect(twilio.messages).toHaveLength(1);
  });
});

describe('webhook signatures', () => {
  it('rejects a forged signature with 403 and changes nothing', async () => {
    const business = await seedBusiness(database.db);
    const { default: request } = await import('supertest');

    const response = await request(testApp.app)
      .post('/webhooks/twilio/voice/status')
      .type('form')
      .set('X-Twilio-Signature', 'forged')
      .send(callParams({ CallStatus: 'no-answer' }));
    await testApp.ctx.tasks.drain();

    expect(response.status).toBe(403);
    expect(twilio.messages).toHaveLength(0);
    const list = await testApp.api().get(`/api/businesses/${business.id}/conversations`);
    expect(list.body.conversations).toHaveLength(0);
  });

  it('rejects a request without a signature', async () => {
    const { default: request } = await import('supertest');

    const response = await request(testApp.app).post('/webhooks/twilio/sms').type('form').send({ Body: 'hi' });

    expect(response.status).toBe(403);
  });

  it('rejects a signed webhook without a CallSid as a bad request', async () => {
    await seedBusiness(database.db);

    const response = await testApp.postWebhook('/webhooks/twilio/voice', { From: leadNumber, To: businessNumber });

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('bad_request');
  });
});
