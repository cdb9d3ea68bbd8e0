import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeTwilio } from '../support/fake-twilio.ts';
import type { FakeTwilio } from '../support/fake-twilio.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';
import { createTestDatabase } from '../support/test-database.ts';
import type { TestDatabase } from '../support/test-database.ts';
import { callParams, leadNumber, seedBusiness, smsParams } from '../support/seed.ts';

let database: TestDatabase;
let twilio: FakeTwilio;
let testApp: TestApp;
let businessId: string;

interface ApiMessage {
  id: string;
  direction: string;
  author: string;
  body: string;
  status: string;
  media: unknown[];
}

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

async function missCall(): Promise<void> {
  const params = callParams();
  await testApp.postWebhook('/webhooks/twilio/voice', params);
  await testApp.postWebhook('/webhooks/twilio/voice/dial-status', { ...params, DialCallStatus: 'no-answer' });
  await testApp.ctx.tasks.drain();
}

async function text(body: string, overrides: Record<string, string> = {}): Promise<number> {
  const response = await testApp.postWebhook('/webhooks/twilio/sms', smsParams(body, overrides));
  await testApp.ctx.tasks.drain();
  return response.status;
}

async function readMessages(): Promise<ApiMessage[]> {
  const list = await testApp.api().get(`/api/businesses/${businessId}/conversations`);
  const detail = await testApp.api().get(`/api/conversations/${list.body.conversations[0].id}`);
  return detail.body.conversation.messages as ApiMessage[];
}

async function readContact(): Promise<{ isOptedOut: boolean; optOutKeyword: string | null }> {
  const list = await testApp.api().get(`/api/businesses/${businessId}/conversations`);
  return list.body.conversations[0].contact;
}

describe('inbound text', () => {
  it('stores a retried webhook once and answers both with empty TwiML', async () => {
    const params = smsParams('hello?');

    const first = await testApp.postWebhook('/webhooks/twilio/sms', params);
    const retry = await testApp.postWebhook('/webhooks/twilio/sms', params);
    await testApp.ctx.tasks.drain();

    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.text).toContain('<Response/>');
    const inbound = (await readMessages()).filter((message) => message.direction === 'inbound');
    expect(inbound).toHaveLength(1);
  });

  it('keeps an MMS without a Body and all its attachments', async () => {
    const params = smsParams('', {
      NumMedia: '2',
      MediaUrl0: 'https://api.twilio.com/media/ME0',
      MediaContentType0: 'image/jpeg',
      MediaUrl1: 'https://api.twilio.com/media/ME1',
      MediaContentType1: 'video/mp4',
    });
    delete params.Body;

    const response = await testApp.postWebhook('/webhooks/twilio/sms', params);
    await testApp.ctx.tasks.drain();

    expect(response.status).toBe(200);
    const inbound = (await readMessages()).find((message) => message.direction === 'inbound');
    expect(inbound?.body).toBe('');
    expect(inbound?.media).toHaveLength(2);
  });

  it('answers a text to an unknown number with empty TwiML', async () => {
    const status = await text('hi', { To: '+15555550000' });

    expect(status).toBe(200);
  });
});

describe('opt-out keywords', () => {
  it.each(['STOP', 'stop', '  Stop  ', 'STOPALL', 'unsubscribe', 'CANCEL', 'end', 'QUIT', 'optout', 'REVOKE'])(
    'opts the contact out on "%s"',
    async (keyword) => {
      await missCall();

      await text(keyword);

      const contact = await readContact();
      expect(contact.isOptedOut).toBe(true);
    },
  );

  it('sends no text of its own on STOP, because Twilio confirms it', async () => {
    await missCall();
    const before = twilio.messages.length;

    await text('STOP');

    expect(twilio.messages).toHaveLength(before);
  });

  it('stays silent after STOP, for the bot and for a new missed call', async () => {
    await missCall();
    await text('STOP');
    const afterStop = twilio.messages.length;

    await text('my sink is leaking');
    await missCall();

    expect(twilio.messages).toHaveLength(afterStop);
    const stored = await readMessages();
    expect(stored.filter((message) => message.direction === 'inbound').map((message) => message.body)).toEqual([
      'STOP',
      'my sink is leaking',
    ]);
  });

  it('opts the contact back in on START', async () => {
    await missCall();
    await text('STOP');

    await text('start');

    const contact = await readContact();
    expect(contact.isOptedOut).toBe(false);
  });

  it('does not treat "stop texting me" as a keyword', async () => {
    await missCall();

    await text('stop texting me');

    const contact = await readContact();
    expect(contact.isOptedOut).toBe(false);
  });

  it('lets the OptOutType field decide for keywords in other languages', async () => {
    await missCall();

    await text('ALTO', { OptOutType: 'STOP' });

    const contact = await readContact();
    expect(contact.isOptedOut).toBe(true);
    expect(contact.optOutKeyword).toBe('ALTO');
  });

  it('answers HELP with the business name and how to stop', async () => {
    await missCall();

    await text(' help ');

    const reply = twilio.messages.at(-1);
    expect(reply?.to).toBe(leadNumber);
    expect(reply?.body).toContain('Rivera Plumbing');
    expect(reply?.body).toContain('STOP');
  });
});

describe('opt-out on the sandbox provider', () => {
  it('confirms STOP once and then stays silent', async () => {
    testApp = await createTestApp({ db: database.db });
    await missCall();

    await text('STOP');
    await text('hello again');
    await text('are you there?');

    const outbound = (await readMessages()).filter((message) => message.direction === 'outbound');
    expect(outbound.map((message) => message.author)).toEqual(['bot', 'system']);
    expect(outbound[1]?.body).toContain('unsubscribed');
  });
});

describe('delivery status', () => {
  it('updates the stored message and never moves it backwards', async () => {
    await missCall();
    const sent = twilio.messages[0];
    const callbackPath = new URL(sent?.statusCallback ?? '').pathname + new URL(sent?.statusCallback ?? '').search;

    await testApp.postWebhook(callbackPath, { MessageSid: 'SMx', MessageStatus: 'delivered' });
    await testApp.postWebhook(callbackPath, { MessageSid: 'SMx', MessageStatus: 'sent' });

    const outbound = (await readMessages()).find((message) => message.direction === 'outbound');
    expect(outbound?.status).toBe('delivered');
  });

  it('keeps a delivery reported before the send returns', async () => {
    twilio.setDelay(400);
    const params = callParams();
    await testApp.postWebhook('/webhooks/twilio/voice', params);
    await testApp.postWebhook('/webhooks/twilio/voice/dial-status', { ...params, DialCallStatus: 'no-answer' });
    // The text back is stored before the slow send starts; wait for its row, not for a reply.
    const findOutbound = async () =>
      (await database.db.query.messages.findMany()).find((message) => message.direction === 'outbound');
    let outbound = await findOutbound();
    for (let attempt = 0; outbound === undefined && attempt < 100; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      outbound = await findOutbound();
    }

    await testApp.postWebhook(`/webhooks/twilio/sms/status?messageId=${outbound?.id}`, {
      MessageSid: 'SMearly',
      MessageStatus: 'delivered',
    });
    await testApp.ctx.tasks.drain();
    twilio.setDelay(0);

    const stored = (await readMessages()).find((message) => message.direction === 'outbound');
    expect(stored?.status).toBe('delivered');
  });

  it('stores the error code of an undelivered message', async () => {
    await missCall();
    const callback = new URL(twilio.messages[0]?.statusCallback ?? '');

    await testApp.postWebhook(callback.pathname + callback.search, {
      MessageSid: 'SMx',
      MessageStatus: 'undelivered',
      ErrorCode: '30006',
    });

    const list = await testApp.api().get(`/api/businesses/${businessId}/conversations`);
    const detail = await testApp.api().get(`/api/conversations/${list.body.conversations[0].id}`);
    expect(detail.body.conversation.messages[0].status).toBe('undelivered');
    expect(detail.body.conversation.messages[0].errorCode).toBe('30006');
  });
});
