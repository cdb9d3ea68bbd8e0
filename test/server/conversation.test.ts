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

/** Sends the lead's text and returns the bodies the business sent back in reply. */
async function reply(body: string): Promise<string[]> {
  const before = twilio.messages.length;
  await testApp.postWebhook('/webhooks/twilio/sms', smsParams(body));
  await testApp.ctx.tasks.drain();
  return twilio.messages.slice(before).map((message) => message.body);
}

async function readConversation(): Promise<Record<string, unknown> & { contact: Record<string, unknown> }> {
  const list = await testApp.api().get(`/api/businesses/${businessId}/conversations`);
  const detail = await testApp.api().get(`/api/conversations/${list.body.conversations[0].id}`);
  return detail.body.conversation;
}

describe('bot conversation after a text back', () => {
  it('qualifies the lead and sends the booking link with the details stored', async () => {
    await missCall();

    const askName = await reply('my kitchen sink is leaking under the cabinet');
    const askZip = await reply('This is Ana Ruiz');
    const askTime = await reply('60614');
    const booking = await reply('tomorrow at 3pm');

    expect(askName.join(' ')).toMatch(/name/i);
    expect(askZip.join(' ')).toMatch(/ZIP/i);
    expect(askTime.join(' ')).toMatch(/when/i);
    expect(booking.join(' ')).toContain('https://cal.example.com/rivera');
    expect(twilio.messages.every((message) => message.to === leadNumber)).toBe(true);
    const conversation = await readConversation();
    expect(conversation.outcome).toBe('qualified');
    expect(conversation.contact.name).toBe('Ana Ruiz');
    const details = conversation.details as Record<string, unknown>;
    expect(details.need).toMatch(/sink/);
    expect(details.zip).toBe('60614');
    expect(details.preferred_time).toBeTruthy();
  });

  it('updates the details after the booking link and keeps the lead qualified', async () => {
    await missCall();
    await reply('my kitchen sink is leaking');
    await reply('Ana Ruiz');
    await reply('60614');
    await reply('tomorrow at 3pm');
    const before = (await readConversation()).details as Record<string, unknown>;

    const correction = await reply('actually thursday at 10am');
    const thanks = await reply('thanks!');

    expect(correction).toHaveLength(1);
    expect(thanks).toHaveLength(0);
    const conversation = await readConversation();
    expect(conversation.outcome).toBe('qualified');
    const details = conversation.details as Record<string, unknown>;
    expect(details.preferred_time).not.toBe(before.preferred_time);
  });

  it('hands a new question after the booking to a person', async () => {
    await missCall();
    await reply('my kitchen sink is leaking');
    await reply('Ana Ruiz');
    await reply('60614');
    await reply('tomorrow at 3pm');

    await reply('can you also look at the water softener while you are here?');

    const conversation = await readConversation();
    expect(conversation.outcome).toBe('needs_human');
    expect(conversation.holder).toBe('human');
  });

  it('hands the conversation to a person on request and then stays quiet', async () => {
    await missCall();
    await reply('need a water heater installed');

    const handoff = await reply('can I just talk to a real person');
    const afterHandoff = await reply('hello?');

    expect(handoff).toHaveLength(1);
    expect(afterHandoff).toHaveLength(0);
    const conversation = await readConversation();
    expect(conversation.holder).toBe('human');
    expect(conversation.outcome).toBe('needs_human');
  });

  it('keeps the name from a request for a person', async () => {
    await missCall();

    await reply("hi, I'm John Smith. can I speak to a real person please?");

    const conversation = await readConversation();
    expect(conversation.outcome).toBe('needs_human');
    expect(conversation.outcomeReason).toBe('Lead asked for a person');
    expect(conversation.contact.name).toBe('John Smith');
    expect((conversation.details as Record<string, unknown>).name).toBe('John Smith');
    expect(conversation.summary).toBe('Needs a person (Lead asked for a person): John Smith');
  });

  it('hands an emergency straight to a person', async () => {
    await missCall();

    const answer = await reply('basement is flooding, burst pipe!!');

    expect(answer.join(' ')).toMatch(/call you right away/i);
    const conversation = await readConversation();
    expect(conversation.outcome).toBe('needs_human');
  });

  it('stops the bot when the lead opts out mid-conversation', async () => {
    await missCall();
    await reply('my toilet keeps running');
    const beforeStop = twilio.messages.length;

    await reply('STOP');
    const afterStop = await reply('Ana');

    expect(afterStop).toHaveLength(0);
    expect(twilio.messages).toHaveLength(beforeStop);
  });

  it('keeps a qualified outcome when the lead opts out', async () => {
    await missCall();
    await reply('my kitchen sink is leaking');
    await reply('Ana Ruiz');
    await reply('60614');
    await reply('tomorrow at 3pm');
    const qualified = await readConversation();
    await testApp.api().post(`/api/conversations/${qualified.id as string}/booking`).send({});

    await reply('STOP');

    const conversation = await readConversation();
    expect(conversation.contact.isOptedOut).toBe(true);
    expect(conversation.outcome).toBe('qualified');
    expect(conversation.outcomeReason).toBeNull();
    expect(conversation.summary).toBe(qualified.summary);
    expect(conversation.bookedAt).not.toBeNull();
    expect(conversation.botState).toEqual(qualified.botState);
  });

  it('keeps a qualified outcome when the lead opts back in', async () => {
    await missCall();
    await reply('my kitchen sink is leaking');
    await reply('Ana Ruiz');
    await reply('60614');
    await reply('tomorrow at 3pm');
    await reply('STOP');

    await reply('START');

    const conversation = await readConversation();
    expect(conversation.contact.isOptedOut).toBe(false);
    expect(conversation.outcome).toBe('qualified');
    expect((conversation.botState as { stepId: string | null }).stepId).toBeNull();
  });

  it('discards a lead who opts out before an outcome', async () => {
    await missCall();
    await reply('my toilet keeps running');

    await reply('STOP');

    const conversation = await readConversation();
    expect(conversation.outcome).toBe('discarded');
    expect(conversation.outcomeReason).toBe('Opted out');
    expect(conversation.summary).toBe('Discarded (Opted out): toilet keeps running');
    expect(conversation.botState).toBeNull();
  });

  it('puts an opted-in lead back in progress', async () => {
    await missCall();
    await reply('my toilet keeps running');
    await reply('STOP');

    await reply('START');

    const conversation = await readConversation();
    expect(conversation.outcome).toBeNull();
    expect(conversation.outcomeReason).toBeNull();
    expect(conversation.summary).toBe('In progress: toilet keeps running');
  });

  it('records the bot log in the conversation events', async () => {
    await missCall();

    await reply('dripping faucet');

    const conversation = await readConversation();
    const types = (conversation.events as Array<{ type: string }>).map((event) => event.type);
    expect(types).toContain('text_back.sent');
    expect(types.some((type) => type.startsWith('bot.'))).toBe(true);
  });
});
