import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { settleUndecidedCalls } from '../../server/calls/settle-undecided-calls.ts';
import { listNotifications } from '../../server/notifications/notification-repo.ts';
import { startFakeTwilio } from '../support/fake-twilio.ts';
import type { FakeTwilio } from '../support/fake-twilio.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';
import { createTestDatabase } from '../support/test-database.ts';
import type { TestDatabase } from '../support/test-database.ts';
import { businessNumber, callParams, seedBusiness } from '../support/seed.ts';

let database: TestDatabase;
let twilio: FakeTwilio;
let testApp: TestApp;
let businessId: string;

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
  businessId = (await seedBusiness(database.db)).id;
});

/** Every field Twilio sends to a <Dial> action, plus one it may add in future. */
function dialActionParams(call: Record<string, string>, dialCallStatus: string | null): Record<string, string> {
  const params: Record<string, string> = {
    ...call,
    CallStatus: 'in-progress',
    CallerName: 'ANA RUIZ',
    ForwardedFrom: '',
    FromCity: 'SPRINGFIELD',
    FromCountry: 'US',
    FromZip: '62701',
    DialCallSid: 'CA9999999999999999999999999999999',
    DialCallDuration: '0',
    DialBridged: 'false',
    SomeFutureField: 'ignored',
  };
  if (dialCallStatus !== null) {
    params.DialCallStatus = dialCallStatus;
  }
  return params;
}

interface ApiCall {
  status: string;
  verdict: string | null;
  textBackStatus: string | null;
  textBackReason: string | null;
  durationSeconds: number | null;
}

async function readCalls(): Promise<ApiCall[]> {
  const rows = await database.db.query.calls.findMany();
  return rows as unknown as ApiCall[];
}

describe('<Dial> outcome table', () => {
  it.each([
    ['no-answer', 'missed', 'no_answer', 1],
    ['busy', 'missed', 'busy', 1],
    ['canceled', 'missed', 'caller_hung_up', 1],
    ['failed', 'missed', 'forwarding_failed', 1],
    ['NO_ANSWER', 'missed', 'no_answer', 1],
    ['No-Answer', 'missed', 'no_answer', 1],
    [' Busy ', 'missed', 'busy', 1],
    ['completed', 'answered', 'answered', 0],
    ['answered', 'answered', 'answered', 0],
    ['COMPLETED', 'answered', 'answered', 0],
    ['ringing-forever', 'unknown', 'unknown', 0],
    [null, 'unknown', 'unknown', 0],
  ])('reads DialCallStatus %s as %s (%s) and sends %i texts', async (dialStatus, status, verdict, texts) => {
    const call = callParams();

    await testApp.postWebhook('/webhooks/twilio/voice', call);
    const response = await testApp.postWebhook('/webhooks/twilio/voice/dial-status', dialActionParams(call, dialStatus));
    await testApp.ctx.tasks.drain();

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/xml/);
    expect(response.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><Response>.*<\/Response>$/);
    const [stored] = await readCalls();
    expect(stored?.status).toBe(status);
    expect(stored?.verdict).toBe(verdict);
    expect(twilio.messages).toHaveLength(texts);
  });

  it.each(['', 'abc', '-5', '1e3', '12.5'])('does not throw on DialCallDuration "%s"', async (duration) => {
    const call = callParams();

    const response = await testApp.postWebhook('/webhooks/twilio/voice/dial-status', {
      ...dialActionParams(call, 'completed'),
      DialCallDuration: duration,
    });

    expect(response.status).toBe(200);
    const [stored] = await readCalls();
    expect(stored?.status).toBe('answered');
    expect(Number.isInteger(stored?.durationSeconds)).toBe(true);
  });

  it('alerts staff when the forwarding number fails', async () => {
    const call = callParams();

    await testApp.postWebhook('/webhooks/twilio/voice/dial-status', dialActionParams(call, 'failed'));
    await testApp.ctx.tasks.drain();

    const notifications = await listNotifications(database.db, businessId);
    expect(notifications.map((notification) => notification.kind)).toEqual(['forwarding_failed']);
    expect(twilio.messages).toHaveLength(1);
  });

  it('answers the dial action before a slow SMS API has sent the text', async () => {
    twilio.setDelay(1500);
    const call = callParams();

    const started = Date.now();
    await testApp.postWebhook('/webhooks/twilio/voice/dial-status', dialActionParams(call, 'no-answer'));
    const answeredAfterMs = Date.now() - started;
    const sentBeforeAnswer = twilio.messages.length;
    await testApp.ctx.tasks.drain();
    twilio.setDelay(0);

    expect(answeredAfterMs).toBeLessThan(1500);
    expect(sentBeforeAnswer).toBe(0);
    expect(twilio.messages).toHaveLength(1);
  });
});

describe('callbacks in any order', () => {
  const orders: Array<[string, Array<'voice' | 'dial' | 'status'>]> = [
    ['voice, dial, status', ['voice', 'dial', 'status']],
    ['voice, status, dial', ['voice', 'status', 'dial']],
    ['status, dial', ['status', 'dial']],
    ['dial, voice', ['dial', 'voice']],
  ];

  async function post(kind: 'voice' | 'dial' | 'status', call: Record<string, string>, dialStatus: string, parentStatus: string) {
    if (kind === 'voice') {
      return testApp.postWebhook('/webhooks/twilio/voice', call);
    }
    if (kind === 'dial') {
      return testApp.postWebhook('/webhooks/twilio/voice/dial-status', dialActionParams(call, dialStatus));
    }
    return testApp.postWebhook('/webhooks/twilio/voice/status', { ...call, CallStatus: parentStatus, CallDuration: '31' });
  }

  it.each(orders)('texts a missed call once in the order %s', async (_name, order) => {
    const call = callParams();

    for (const kind of order) {
      await post(kind, call, 'no-answer', 'completed');
    }
    await testApp.ctx.tasks.drain();

    const calls = await readCalls();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.status).toBe('missed');
    expect(twilio.messages).toHaveLength(1);
  });

  it.each(orders)('never texts an answered call in the order %s', async (_name, order) => {
    const call = callParams();

    for (const kind of order) {
      await post(kind, call, 'completed', 'completed');
    }
    testApp.clock.advance(60_000);
    await settleUndecidedCalls(testApp.ctx);
    await testApp.ctx.tasks.drain();

    const calls = await readCalls();
    expect(calls[0]?.status).toBe('answered');
    expect(twilio.messages).toHaveLength(0);
  });

  it('texts a caller whose only callback is CallStatus=no-answer', async () => {
    await testApp.postWebhook('/webhooks/twilio/voice/status', { ...callParams(), CallStatus: 'no-answer' });
    await testApp.ctx.tasks.drain();

    expect(twilio.messages).toHaveLength(1);
  });

  it('settles a call that ended without a dial outcome as a hang-up, after the grace period', async () => {
    const call = callParams();
    await testApp.postWebhook('/webhooks/twilio/voice', call);
    await testApp.postWebhook('/webhooks/twilio/voice/status', { ...call, CallStatus: 'completed', CallDuration: '12' });

    const settledEarly = await settleUndecidedCalls(testApp.ctx);
    testApp.clock.advance(16_000);
    const settledLater = await settleUndecidedCalls(testApp.ctx);
    await testApp.ctx.tasks.drain();

    expect(settledEarly).toBe(0);
    expect(settledLater).toBe(1);
    const [stored] = await readCalls();
    expect(stored?.status).toBe('missed');
    expect(stored?.verdict).toBe('caller_hung_up');
    expect(stored?.durationSeconds).toBe(12);
    expect(twilio.messages).toHaveLength(1);
  });

  it('closes a call with no further webhook as unknown instead of leaving it ringing', async () => {
    await testApp.postWebhook('/webhooks/twilio/voice', callParams());

    testApp.clock.advance(3 * 60 * 60_000);
    await settleUndecidedCalls(testApp.ctx);
    await testApp.ctx.tasks.drain();

    const [stored] = await readCalls();
    expect(stored?.status).toBe('unknown');
    expect(twilio.messages).toHaveLength(0);
  });
});

describe('minimum ring time', () => {
  it.each([
    ['skip', '2', 0, 'short_call'],
    ['skip', '9', 1, null],
    ['text', '2', 1, null],
  ] as const)('with rule %s, a caller who hangs up after %s s gets %i texts', async (rule, seconds, texts, reason) => {
    await testApp.api().patch(`/api/businesses/${businessId}`).send({ shortCallRule: rule, minRingSeconds: 5 });
    const call = callParams();

    await testApp.postWebhook('/webhooks/twilio/voice', call);
    await testApp.postWebhook('/webhooks/twilio/voice/status', { ...call, CallStatus: 'completed', CallDuration: seconds });
    testApp.clock.advance(20_000);
    await settleUndecidedCalls(testApp.ctx);
    await testApp.ctx.tasks.drain();

    expect(twilio.messages).toHaveLength(texts);
    const [stored] = await readCalls();
    expect(stored?.textBackReason).toBe(reason);
  });
});

describe('withheld caller IDs', () => {
  const withheld = [
    '+266696687',
    '+7378742833',
    '+17378742833',
    '+2562533',
    '+8656696',
    '+86282452253',
    'Anonymous',
    'ANONYMOUS',
    'restricted',
    'Unknown',
    'BLOCKED',
    '',
  ];

  it.each(withheld)('never texts "%s" and still answers TwiML', async (from) => {
    const call = callParams({ From: from, Caller: from });

    const voice = await testApp.postWebhook('/webhooks/twilio/voice', call);
    const dial = await testApp.postWebhook('/webhooks/twilio/voice/dial-status', dialActionParams(call, 'no-answer'));
    await testApp.ctx.tasks.drain();

    expect(voice.status).toBe(200);
    expect(dial.status).toBe(200);
    expect(dial.text).toContain('<Response>');
    expect(twilio.messages).toHaveLength(0);
    const [stored] = await readCalls();
    expect(stored?.textBackReason).toBe('caller_id_withheld');
  });

  it('never texts a call without a From field', async () => {
    const call = callParams();
    delete call.From;
    delete call.Caller;

    const response = await testApp.postWebhook('/webhooks/twilio/voice/dial-status', dialActionParams(call, 'no-answer'));
    await testApp.ctx.tasks.drain();

    expect(response.status).toBe(200);
    expect(twilio.messages).toHaveLength(0);
  });

  it('keeps withheld callers apart and shows each in the inbox notifications', async () => {
    for (const from of ['Anonymous', '+266696687', 'Restricted']) {
      const call = callParams({ From: from, Caller: from });
      await testApp.postWebhook('/webhooks/twilio/voice/dial-status', dialActionParams(call, 'no-answer'));
    }
    await testApp.ctx.tasks.drain();

    const contacts = await database.db.query.contacts.findMany();
    const conversations = await database.db.query.conversations.findMany();
    const notifications = await listNotifications(database.db, businessId);
    expect(contacts).toHaveLength(0);
    expect(conversations).toHaveLength(0);
    expect(notifications.map((notification) => notification.message)).toEqual([
      'Missed call, caller ID withheld',
      'Missed call, caller ID withheld',
      'Missed call, caller ID withheld',
    ]);
  });

  it('texts a real number as usual', async () => {
    const call = callParams({ From: '+15555550104', To: businessNumber });

    await testApp.postWebhook('/webhooks/twilio/voice/dial-status', dialActionParams(call, 'no-answer'));
    await testApp.ctx.tasks.drain();

    expect(twilio.messages).toHaveLength(1);
  });
});
