import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listNotifications } from '../../server/notifications/notification-repo.ts';
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

beforeAll(async () => {
  database = await createTestDatabase();
  twilio = await startFakeTwilio();
  twilio.media.set('ME0', { contentType: 'image/jpeg', data: Buffer.from('jpeg-bytes') });
  twilio.media.set('ME1', { contentType: 'image/png', data: Buffer.from('png-bytes') });
  twilio.media.set('ME2', { contentType: 'video/mp4', data: Buffer.from('mp4-bytes') });
  twilio.media.set('ME3', { contentType: 'text/vcard', data: Buffer.from('BEGIN:VCARD\nFN:Ana Ruiz\nEND:VCARD') });
});

afterAll(async () => {
  await twilio.close();
  await database.close();
});

beforeEach(async () => {
  await database.reset();
  twilio.messages.length = 0;
  twilio.lookups.length = 0;
  twilio.lineTypes.clear();
  testApp = await createTestApp({ db: database.db, fakeTwilioUrl: twilio.url });
  businessId = (await seedBusiness(database.db, { repeatWindowMinutes: 0 })).id;
});

async function missCall(): Promise<void> {
  const params = callParams();
  await testApp.postWebhook('/webhooks/twilio/voice', params);
  await testApp.postWebhook('/webhooks/twilio/voice/dial-status', { ...params, DialCallStatus: 'no-answer' });
  await testApp.ctx.tasks.drain();
}

function mediaParams(names: string[], contentTypes: string[]): Record<string, string> {
  const params: Record<string, string> = { NumMedia: String(names.length) };
  names.forEach((name, index) => {
    params[`MediaUrl${index}`] = `${twilio.url}/media/${name}`;
    params[`MediaContentType${index}`] = contentTypes[index] ?? '';
  });
  return params;
}

async function text(body: string | null, overrides: Record<string, string> = {}): Promise<{ status: number; replies: string[] }> {
  const before = twilio.messages.length;
  const params = smsParams(body ?? '', overrides);
  if (body === null) {
    delete params.Body;
  }
  const response = await testApp.postWebhook('/webhooks/twilio/sms', params);
  await testApp.ctx.tasks.drain();
  return { status: response.status, replies: twilio.messages.slice(before).map((message) => message.body) };
}

async function readMediaFiles(): Promise<Array<{ status: string; contentType: string; attempts: number; data: Buffer | null }>> {
  const rows = await database.db.query.mediaFiles.findMany({ orderBy: (files, { asc }) => [asc(files.position)] });
  return rows as unknown as Array<{ status: string; contentType: string; attempts: number; data: Buffer | null }>;
}

async function readConversation(): Promise<Record<string, unknown>> {
  const rows = await database.db.query.conversations.findMany();
  return rows[0] as unknown as Record<string, unknown>;
}

describe('MMS', () => {
  it.each([
    ['no Body field', null],
    ['an empty Body', ''],
  ])('keeps a picture sent with %s and asks the question again', async (_name, body) => {
    await missCall();

    const result = await text(body, mediaParams(['ME0'], ['image/jpeg']));

    expect(result.status).toBe(200);
    expect(result.replies.join(' ')).toMatch(/picture/i);
    expect(result.replies.join(' ')).toMatch(/\?/);
    const details = (await readConversation()).details as Record<string, unknown>;
    expect(details.need).toBeUndefined();
    const files = await readMediaFiles();
    expect(files).toHaveLength(1);
    expect(files[0]?.status).toBe('stored');
    expect(files[0]?.data?.toString()).toBe('jpeg-bytes');
  });

  it('keeps every attachment of a three-part MMS, fetched with the account credentials', async () => {
    await missCall();

    await text('', mediaParams(['ME0', 'ME1', 'ME2'], ['image/jpeg', 'image/png', 'video/mp4']));

    const files = await readMediaFiles();
    expect(files.map((file) => file.contentType)).toEqual(['image/jpeg', 'image/png', 'video/mp4']);
    expect(files.every((file) => file.status === 'stored')).toBe(true);
    expect(twilio.mediaAuthorizations.at(-1)).toMatch(/^Basic /);
  });

  it('keeps a vCard attachment', async () => {
    await missCall();

    const result = await text(null, mediaParams(['ME3'], ['text/vcard']));

    expect(result.status).toBe(200);
    const files = await readMediaFiles();
    expect(files[0]?.contentType).toBe('text/vcard');
    expect(files[0]?.data?.toString()).toContain('Ana Ruiz');
  });

  it('retries a failed download until it succeeds', async () => {
    await missCall();
    twilio.failNextMedia(2);

    await text('', mediaParams(['ME1'], ['image/png']));
    const afterFirstTry = await readMediaFiles();
    testApp.ctx.tasks.fireTimers();
    await testApp.ctx.tasks.drain();
    testApp.ctx.tasks.fireTimers();
    await testApp.ctx.tasks.drain();

    expect(afterFirstTry[0]?.status).toBe('pending');
    const files = await readMediaFiles();
    expect(files[0]?.status).toBe('stored');
    expect(files[0]?.attempts).toBe(2);
  });

  it('marks a download failed for good on a 404, without retrying', async () => {
    await missCall();

    await text('', mediaParams(['missing'], ['image/png']));
    testApp.ctx.tasks.fireTimers();
    await testApp.ctx.tasks.drain();

    const files = await readMediaFiles();
    expect(files[0]?.status).toBe('failed');
    expect(files[0]?.attempts).toBe(1);
  });

  it('reads a caption as the answer and never echoes media URLs', async () => {
    await missCall();

    const result = await text('water heater leaking, see pic', mediaParams(['ME0'], ['image/jpeg']));

    const details = (await readConversation()).details as Record<string, unknown>;
    expect(String(details.need)).toMatch(/water heater/);
    expect(result.replies.join(' ')).not.toContain('/media/');
    expect(twilio.messages.every((message) => !message.body.includes(twilio.url))).toBe(true);
  });

  it('serves a stored attachment through the REST API', async () => {
    await missCall();
    await text('', mediaParams(['ME1'], ['image/png']));
    const conversation = await readConversation();
    const detail = await testApp.api().get(`/api/conversations/${String(conversation.id)}`);
    const inbound = detail.body.conversation.messages.find((message: { direction: string }) => message.direction === 'inbound');

    const response = await testApp.api().get(`/api/media/${inbound.mediaFiles[0].id}`).buffer(true);

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
    expect(response.headers['content-disposition']).toBe('attachment');
  });
});

describe('landlines', () => {
  it('does not text a landline when lookup is on, and asks staff to call back', async () => {
    await testApp.api().patch(`/api/businesses/${businessId}`).send({ lineTypeLookup: true });
    twilio.lineTypes.set(leadNumber, 'landline');

    await missCall();

    expect(twilio.messages).toHaveLength(0);
    const [call] = await database.db.query.calls.findMany();
    expect(call?.textBackReason).toBe('landline');
    const notifications = await listNotifications(database.db, businessId);
    expect(notifications.map((notification) => notification.message)).toContain(
      'Missed call from a landline, which cannot get texts. Call back.',
    );
  });

  it('texts a mobile and caches the lookup per number', async () => {
    await testApp.api().patch(`/api/businesses/${businessId}`).send({ lineTypeLookup: true });

    await missCall();
    await missCall();

    expect(twilio.messages).toHaveLength(2);
    expect(twilio.lookups).toEqual([leadNumber]);
  });

  it('texts anyway when the lookup fails, and tries the lookup again next time', async () => {
    await testApp.api().patch(`/api/businesses/${businessId}`).send({ lineTypeLookup: true });
    twilio.failNextLookup(500);

    await missCall();
    await missCall();

    expect(twilio.messages).toHaveLength(2);
    expect(twilio.lookups).toHaveLength(2);
  });

  it('makes no lookup while the owner has it off', async () => {
    await missCall();

    expect(twilio.lookups).toHaveLength(0);
    expect(twilio.messages).toHaveLength(1);
  });

  it.each(['30006', '30003'])('stops texting a number after delivery error %s', async (errorCode) => {
    await missCall();
    const callback = new URL(twilio.messages[0]?.statusCallback ?? '');

    await testApp.postWebhook(callback.pathname + callback.search, {
      MessageSid: 'SMx',
      MessageStatus: 'undelivered',
      ErrorCode: errorCode,
    });
    await missCall();
    const reply = await text('hello?');

    expect(twilio.messages).toHaveLength(1);
    expect(reply.replies).toHaveLength(0);
    const [contact] = await database.db.query.contacts.findMany();
    expect(contact?.isTextable).toBe(false);
    const conversation = await readConversation();
    expect(conversation.attentionReason).toBe('not_textable');
  });

  it('does not stop texting after an unrelated delivery error', async () => {
    await missCall();
    const callback = new URL(twilio.messages[0]?.statusCallback ?? '');

    await testApp.postWebhook(callback.pathname + callback.search, {
      MessageSid: 'SMx',
      MessageStatus: 'undelivered',
      ErrorCode: '30008',
    });

    const [contact] = await database.db.query.contacts.findMany();
    expect(contact?.isTextable).toBe(true);
  });
});
