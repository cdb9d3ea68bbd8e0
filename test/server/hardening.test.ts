import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { isTwilioHost } from '../../server/providers/twilio-provider.ts';
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
  twilio.setDelay(0);
  testApp = await createTestApp({ db: database.db, fakeTwilioUrl: twilio.url });
  await seedBusiness(database.db);
});

async function missCall(): Promise<void> {
  const params = callParams();
  await testApp.postWebhook('/webhooks/twilio/voice', params);
  await testApp.postWebhook('/webhooks/twilio/voice/dial-status', { ...params, DialCallStatus: 'no-answer' });
  await testApp.ctx.tasks.drain();
}

async function text(body: string): Promise<{ status: number; replies: string[] }> {
  const before = twilio.messages.length;
  const response = await testApp.postWebhook('/webhooks/twilio/sms', smsParams(body));
  await testApp.ctx.tasks.drain();
  return { status: response.status, replies: twilio.messages.slice(before).map((message) => message.body) };
}

async function readContact(): Promise<{ isOptedOut: boolean }> {
  const rows = await database.db.query.contacts.findMany();
  return rows[0] as unknown as { isOptedOut: boolean };
}

describe('opt-out spellings', () => {
  it.each(['stop?', 'QUIT?', 'STOP 🛑', 'ＳＴＯＰ', 'STOP\u200B', 'OPT-OUT', 'opt out', ' Stop. '])(
    'opts out on "%s"',
    async (body) => {
      await missCall();

      const result = await text(body);

      expect(result.replies).toHaveLength(0);
      expect((await readContact()).isOptedOut).toBe(true);
    },
  );

  it.each(['Stop it', 'STOP. Thanks', 'stop now!', 'No. Stop.', 'unsubscribe me', 'please stop'])(
    'pauses the bot for staff on "%s"',
    async (body) => {
      await missCall();

      const result = await text(body);

      expect(result.replies).toHaveLength(0);
      const [conversation] = await database.db.query.conversations.findMany();
      expect(conversation?.attentionReason).toBe('likely_opt_out');
    },
  );

  it.each(["my toilet won't stop running", 'the leak will not stop', 'it does not end'])(
    'lets the bot answer "%s"',
    async (body) => {
      await missCall();

      const result = await text(body);

      expect(result.replies.length).toBeGreaterThan(0);
    },
  );

  it('answers a lead again after STOP then START', async () => {
    await missCall();
    await text('STOP');
    await text('START');

    const result = await text('My water heater is leaking, can you come today?');

    expect(result.replies.length).toBeGreaterThan(0);
  });
});

describe('hostile webhook input', () => {
  it('keeps a text with a NUL byte', async () => {
    await missCall();

    const result = await text('hi\u0000there');

    expect(result.status).toBe(200);
    const inbound = (await database.db.query.messages.findMany()).filter((message) => message.direction === 'inbound');
    expect(inbound.map((message) => message.body)).toEqual(['hithere']);
  });

  it('refuses a CallSid that already belongs to another business', async () => {
    await seedBusiness(database.db, { name: 'Other Co', phoneNumber: '+15555550300' });
    const call = callParams();
    await testApp.postWebhook('/webhooks/twilio/voice', call);

    const response = await testApp.postWebhook('/webhooks/twilio/voice/dial-status', {
      ...call,
      To: '+15555550300',
      Called: '+15555550300',
      DialCallStatus: 'no-answer',
    });
    await testApp.ctx.tasks.drain();

    expect(response.status).toBe(200);
    expect(twilio.messages).toHaveLength(0);
  });

  it('sends one text back when two calls from one number are decided together', async () => {
    twilio.setDelay(400);
    const first = callParams();
    const second = callParams();

    await Promise.all([
      testApp.postWebhook('/webhooks/twilio/voice/dial-status', { ...first, DialCallStatus: 'no-answer' }),
      testApp.postWebhook('/webhooks/twilio/voice/dial-status', { ...second, DialCallStatus: 'no-answer' }),
    ]);
    await testApp.ctx.tasks.drain();

    expect(twilio.messages).toHaveLength(1);
    const reasons = (await database.db.query.calls.findMany()).map((call) => call.textBackReason);
    expect(reasons).toContain('recently_texted');
  });
});

describe('media credentials', () => {
  it.each([
    ['https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1', true],
    ['https://media.twiliocdn.com/x', false],
    ['https://api.twilio.com.evil.test/x', false],
    ['http://api.twilio.com/x', false],
    ['http://127.0.0.1:9/media/x', false],
    ['not a url', false],
  ])('sends the account credentials to %s: %s', (url, expected) => {
    expect(isTwilioHost(url, undefined)).toBe(expected);
  });

  it('trusts the configured API host', () => {
    expect(isTwilioHost('http://127.0.0.1:4010/media/ME1', 'http://127.0.0.1:4010')).toBe(true);
  });
});

describe('web app files', () => {
  it('answers a missing file with 404 and a page path with the app', async () => {
    const webDistDir = await mkdtemp(path.join(tmpdir(), 'textback-web-'));
    await writeFile(path.join(webDistDir, 'index.html'), '<!doctype html><title>textback</title>');
    const app = createApp(testApp.ctx, { sandbox: null, webDistDir });

    const favicon = await request(app).get('/favicon.ico').set('Accept', 'text/html,*/*');
    const page = await request(app).get('/inbox/some-conversation').set('Accept', 'text/html');
    await rm(webDistDir, { recursive: true });

    expect(favicon.status).toBe(404);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<title>textback</title>');
  });
});
