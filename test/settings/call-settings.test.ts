import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BusinessInput } from '../../server/businesses/business.ts';
import { startFakeTwilio } from '../support/fake-twilio.ts';
import type { FakeTwilio } from '../support/fake-twilio.ts';
import { callParams, businessNumber, seedBusiness } from '../support/seed.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';
import { createTestDatabase } from '../support/test-database.ts';
import type { TestDatabase } from '../support/test-database.ts';
import { createWebSession } from '../support/web-session.ts';
import type { WebSession } from '../support/web-session.ts';

const carrierNumber = '+15555550177';

let database: TestDatabase;
let twilio: FakeTwilio;
let testApp: TestApp;
let owner: WebSession;
let staff: WebSession;

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
  twilio.calls.length = 0;
  testApp = await createTestApp({ db: database.db, fakeTwilioUrl: twilio.url });
});

async function seed(overrides: Partial<BusinessInput> = {}): Promise<void> {
  const business = await seedBusiness(database.db, overrides);
  owner = await createWebSession(testApp.app, database.db, { businessId: business.id, email: 'owner@example.com', role: 'owner' });
  staff = await createWebSession(testApp.app, database.db, { businessId: business.id, email: 'staff@example.com' });
}

async function seedForwarded(): Promise<void> {
  await seed({ connectionMode: 'forwarded', carrierNumber, forwardingNumber: null });
}

/** The forwarded leg of the test call, as Twilio posts it when the carrier keeps the caller ID. */
function forwardedTestCall(overrides: Record<string, string> = {}): Record<string, string> {
  return callParams({ From: businessNumber, Caller: businessNumber, ForwardedFrom: carrierNumber, ...overrides });
}

describe('call settings', () => {
  it('lets owners change every call-handling setting', async () => {
    await seed();
    const update = {
      connectionMode: 'forwarded',
      carrierNumber: '(555) 555-0177',
      ringTimeoutSeconds: 18,
      voicemailEnabled: false,
      voicemailGreeting: 'Rivera Plumbing, leave a message.',
      voicemailMaxSeconds: 60,
      transcribeVoicemail: true,
      callScreening: true,
      shortAnswerSeconds: 8,
      minRingSeconds: 4,
      shortCallRule: 'skip',
      lineTypeLookup: true,
      sendOptOutConfirmation: true,
    };

    const response = await owner.patch('/app-api/settings').send(update);

    expect(response.status).toBe(200);
    expect(response.body.settings).toMatchObject({ ...update, carrierNumber });
  });

  it('rejects a change by staff', async () => {
    await seed();

    const response = await staff.patch('/app-api/settings').send({ callScreening: true });

    expect(response.status).toBe(403);
  });

  it.each([
    ['an unknown connection mode', { connectionMode: 'both' }],
    ['an invalid carrier number', { carrierNumber: '12' }],
    ['a voicemail limit over 600 s', { voicemailMaxSeconds: 601 }],
    ['an unknown short-call rule', { shortCallRule: 'maybe' }],
    ['a ring timeout under 5 s', { ringTimeoutSeconds: 2 }],
  ])('rejects %s', async (_name, update) => {
    await seed();

    const response = await owner.patch('/app-api/settings').send(update);

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('bad_request');
  });

  it('returns the ring timeout warning with its field', async () => {
    await seed();

    const response = await owner.patch('/app-api/settings').send({ ringTimeoutSeconds: 30, callScreening: false });

    expect(response.body.warnings).toHaveLength(1);
    expect(response.body.warnings[0].field).toBe('ringTimeoutSeconds');
    expect(response.body.warnings[0].message).toContain('30 s');
  });

  it('previews warnings for a draft without saving it', async () => {
    await seed();

    const preview = await staff.post('/app-api/settings/warnings').send({ connectionMode: 'forwarded', carrierNumber: null });
    const read = await staff.get('/app-api/settings');

    expect(preview.status).toBe(200);
    expect(preview.body.warnings.map((warning: { field: string }) => warning.field)).toEqual(['carrierNumber']);
    expect(read.body.settings.connectionMode).toBe('ring_through');
    expect(read.body.warnings).toEqual([]);
  });

  it('returns the webhook addresses for setup', async () => {
    await seed();

    const response = await staff.get('/app-api/settings');

    expect(response.body.setup).toEqual({
      provider: 'twilio',
      voiceUrl: 'https://textback.test/webhooks/twilio/voice',
      voiceStatusUrl: 'https://textback.test/webhooks/twilio/voice/status',
      smsUrl: 'https://textback.test/webhooks/twilio/sms',
    });
  });
});

describe('forwarding check', () => {
  it('calls the carrier number from the textback number', async () => {
    await seedForwarded();

    const response = await owner.post('/app-api/settings/forwarding-check');

    expect(response.status).toBe(202);
    expect(response.body.check.status).toBe('pending');
    expect(twilio.calls).toHaveLength(1);
    expect(twilio.calls[0]?.from).toBe(businessNumber);
    expect(twilio.calls[0]?.to).toBe(carrierNumber);
    expect(twilio.calls[0]?.timeout).toBe(45);
    expect(twilio.calls[0]?.twiml).toContain('<Hangup/>');
  });

  it('passes when the forwarded call arrives, without texting it', async () => {
    await seedForwarded();
    await owner.post('/app-api/settings/forwarding-check');
    const forwarded = forwardedTestCall();

    const voice = await testApp.postWebhook('/webhooks/twilio/voice', forwarded);
    const status = await testApp.postWebhook('/webhooks/twilio/voice/status', { ...forwarded, CallStatus: 'completed', CallDuration: '4' });
    await testApp.ctx.tasks.drain();
    testApp.clock.advance(60_000);
    testApp.ctx.tasks.fireTimers();
    await testApp.ctx.tasks.drain();
    const polled = await staff.get('/app-api/settings/forwarding-check');

    expect(voice.status).toBe(200);
    expect(voice.headers['content-type']).toContain('text/xml');
    expect(voice.text).toContain('Forwarding works');
    expect(voice.text).toContain('<Hangup/>');
    expect(voice.text).not.toContain('<Record');
    expect(status.status).toBe(200);
    expect(polled.body.check.status).toBe('passed');
    expect(polled.body.check.failureReason).toBeNull();
    expect(twilio.messages).toHaveLength(0);
    expect(await database.db.query.calls.findMany()).toHaveLength(0);
    expect(await database.db.query.conversations.findMany()).toHaveLength(0);
  });

  it('passes on a call forwarded with the caller ID withheld', async () => {
    await seedForwarded();
    await owner.post('/app-api/settings/forwarding-check');

    const voice = await testApp.postWebhook('/webhooks/twilio/voice', forwardedTestCall({ From: 'Anonymous', Caller: 'Anonymous' }));
    const polled = await owner.get('/app-api/settings/forwarding-check');

    expect(voice.text).toContain('Forwarding works');
    expect(polled.body.check.status).toBe('passed');
  });

  it('fails with a clear message after the timeout', async () => {
    await seedForwarded();
    await owner.post('/app-api/settings/forwarding-check');

    testApp.clock.advance(61_000);
    testApp.ctx.tasks.fireTimers();
    await testApp.ctx.tasks.drain();
    const stored = await database.db.query.forwardingChecks.findFirst();
    const polled = await owner.get('/app-api/settings/forwarding-check');

    expect(stored?.status).toBe('failed');
    expect(polled.body.check.status).toBe('failed');
    expect(polled.body.check.failureReason).toContain('No forwarded call came back within 60 seconds');
    expect(polled.body.check.failureReason).toContain(carrierNumber);
  });

  it('stays pending before the timeout', async () => {
    await seedForwarded();
    await owner.post('/app-api/settings/forwarding-check');

    testApp.clock.advance(59_000);
    testApp.ctx.tasks.fireTimers();
    await testApp.ctx.tasks.drain();
    const polled = await owner.get('/app-api/settings/forwarding-check');

    expect(polled.body.check.status).toBe('pending');
  });

  it('texts a lead whose call is forwarded during a check', async () => {
    await seedForwarded();
    await owner.post('/app-api/settings/forwarding-check');

    const voice = await testApp.postWebhook('/webhooks/twilio/voice', callParams({ ForwardedFrom: carrierNumber }));
    await testApp.ctx.tasks.drain();
    const polled = await owner.get('/app-api/settings/forwarding-check');

    expect(voice.text).not.toContain('Forwarding works');
    expect(twilio.messages).toHaveLength(1);
    expect(polled.body.check.status).toBe('pending');
  });

  it('never texts a late test call that arrives after the check failed', async () => {
    await seedForwarded();
    await owner.post('/app-api/settings/forwarding-check');
    testApp.clock.advance(61_000);
    await owner.get('/app-api/settings/forwarding-check');

    const voice = await testApp.postWebhook('/webhooks/twilio/voice', forwardedTestCall());
    await testApp.ctx.tasks.drain();

    expect(voice.text).toContain('<Hangup/>');
    expect(twilio.messages).toHaveLength(0);
    expect(await database.db.query.calls.findMany()).toHaveLength(0);
  });

  it('places one call when started twice while pending', async () => {
    await seedForwarded();

    const first = await owner.post('/app-api/settings/forwarding-check');
    const second = await owner.post('/app-api/settings/forwarding-check');

    expect(second.body.check.id).toBe(first.body.check.id);
    expect(twilio.calls).toHaveLength(1);
  });

  it('fails at once when the call cannot be placed', async () => {
    await seedForwarded();
    twilio.failNextCall(21215, 400);

    const response = await owner.post('/app-api/settings/forwarding-check');

    expect(response.body.check.status).toBe('failed');
    expect(response.body.check.failureReason).toContain(`textback could not call ${carrierNumber}`);
  });

  it('rejects a start in ring-through mode', async () => {
    await seed();

    const response = await owner.post('/app-api/settings/forwarding-check');

    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('Forwarded when unanswered');
    expect(twilio.calls).toHaveLength(0);
  });

  it('rejects a start without a carrier number', async () => {
    await seed({ connectionMode: 'forwarded', forwardingNumber: null });

    const response = await owner.post('/app-api/settings/forwarding-check');

    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('business phone number');
  });

  it('rejects a start by staff', async () => {
    await seedForwarded();

    const response = await staff.post('/app-api/settings/forwarding-check');

    expect(response.status).toBe(403);
    expect(twilio.calls).toHaveLength(0);
  });

  it('returns no check before the first one', async () => {
    await seedForwarded();

    const response = await staff.get('/app-api/settings/forwarding-check');

    expect(response.status).toBe(200);
    expect(response.body.check).toBeNull();
  });
});
