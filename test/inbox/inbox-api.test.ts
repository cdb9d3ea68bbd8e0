import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeTwilio } from '../support/fake-twilio.ts';
import type { FakeTwilio } from '../support/fake-twilio.ts';
import { callParams, leadNumber, seedBusiness, smsParams } from '../support/seed.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';
import { createTestDatabase } from '../support/test-database.ts';
import type { TestDatabase } from '../support/test-database.ts';
import { createWebSession } from '../support/web-session.ts';
import type { WebSession } from '../support/web-session.ts';

let database: TestDatabase;
let twilio: FakeTwilio;
let testApp: TestApp;
let staff: WebSession;
let owner: WebSession;

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
  const business = await seedBusiness(database.db);
  owner = await createWebSession(testApp.app, database.db, {
    businessId: business.id,
    email: 'owner@rivera.example',
    role: 'owner',
    name: 'Rosa Rivera',
  });
  staff = await createWebSession(testApp.app, database.db, {
    businessId: business.id,
    email: 'sam@rivera.example',
    name: 'Sam Cruz',
  });
});

async function missCall(): Promise<string> {
  const params = callParams();
  await testApp.postWebhook('/webhooks/twilio/voice', params);
  await testApp.postWebhook('/webhooks/twilio/voice/dial-status', { ...params, DialCallStatus: 'no-answer' });
  await testApp.ctx.tasks.drain();
  const list = await staff.get('/app-api/conversations');
  return list.body.conversations[0].id as string;
}

async function leadTexts(body: string): Promise<void> {
  await testApp.postWebhook('/webhooks/twilio/sms', smsParams(body));
  await testApp.ctx.tasks.drain();
}

describe('inbox list', () => {
  it('lists the conversation with its last message and unread count', async () => {
    await missCall();
    await leadTexts('my sink is leaking');

    const list = await staff.get('/app-api/conversations');

    expect(list.status).toBe(200);
    const [item] = list.body.conversations;
    expect(item.contact.phone).toBe(leadNumber);
    expect(item.unreadCount).toBe(1);
    expect(item.lastMessage.direction).toBe('outbound');
    expect(list.body.counts.open).toBe(1);
    expect(list.body.counts.bot).toBe(1);
  });

  it('clears the unread count for the reader only', async () => {
    const conversationId = await missCall();
    await leadTexts('my sink is leaking');

    await staff.post(`/app-api/conversations/${conversationId}/read`);

    const forStaff = await staff.get('/app-api/conversations');
    const forOwner = await owner.get('/app-api/conversations');
    expect(forStaff.body.conversations[0].unreadCount).toBe(0);
    expect(forOwner.body.conversations[0].unreadCount).toBe(1);
  });

  it('filters by holder, assignee and status', async () => {
    const conversationId = await missCall();

    await staff.post(`/app-api/conversations/${conversationId}/takeover`);

    const ids = async (filter: string) =>
      (await staff.get(`/app-api/conversations?filter=${filter}`)).body.conversations.map(
        (item: { id: string }) => item.id,
      );
    expect(await ids('bot')).toEqual([]);
    expect(await ids('mine')).toEqual([conversationId]);
    expect(await ids('needs_human')).toEqual([]);
    expect(await ids('closed')).toEqual([]);
    await staff.post(`/app-api/conversations/${conversationId}/assign`).send({ userId: null });
    expect(await ids('needs_human')).toEqual([conversationId]);
    await staff.post(`/app-api/conversations/${conversationId}/close`);
    expect(await ids('closed')).toEqual([conversationId]);
    expect(await ids('open')).toEqual([]);
  });

  it('searches by name and by phone digits', async () => {
    await missCall();
    await leadTexts('need a plumber');
    await leadTexts('Ana Ruiz');

    const byName = await staff.get('/app-api/conversations?q=ruiz');
    const byPhone = await staff.get('/app-api/conversations?q=555-0104');
    const noMatch = await staff.get('/app-api/conversations?q=zzz');

    expect(byName.body.conversations).toHaveLength(1);
    expect(byPhone.body.conversations).toHaveLength(1);
    expect(noMatch.body.conversations).toHaveLength(0);
  });
});

describe('bookings', () => {
  async function qualifyLead(): Promise<string> {
    const conversationId = await missCall();
    await leadTexts('my kitchen sink is leaking');
    await leadTexts('Ana Ruiz');
    await leadTexts('60614');
    await leadTexts('tomorrow at 3pm');
    return conversationId;
  }

  async function listIds(filter: string): Promise<string[]> {
    const list = await staff.get(`/app-api/conversations?filter=${filter}`);
    return list.body.conversations.map((item: { id: string }) => item.id);
  }

  it('keeps a sent booking link out of booked', async () => {
    const conversationId = await qualifyLead();

    const list = await staff.get('/app-api/conversations?filter=open');

    expect(list.body.conversations[0].id).toBe(conversationId);
    expect(list.body.conversations[0].outcome).toBe('qualified');
    expect(list.body.conversations[0].bookedAt).toBeNull();
    expect(await listIds('booked')).toEqual([]);
    expect(list.body.counts.booked).toBe(0);
  });

  it('marks a conversation booked for staff', async () => {
    const conversationId = await qualifyLead();
    const published: Array<{ event: string; payload: unknown }> = [];
    testApp.ctx.realtime = {
      publish: (_businessId, event, payload) => {
        published.push({ event, payload });
      },
      disconnectSession: () => undefined,
      disconnectUser: () => undefined,
    };

    const marked = await staff.post(`/app-api/conversations/${conversationId}/booking`);

    expect(marked.status).toBe(200);
    expect(marked.body.bookedAt).toBe('2026-03-10T15:00:00.000Z');
    expect(await listIds('booked')).toEqual([conversationId]);
    const list = await staff.get('/app-api/conversations?filter=booked');
    expect(list.body.conversations[0].bookedAt).toBe('2026-03-10T15:00:00.000Z');
    expect(list.body.counts.booked).toBe(1);
    const detail = await staff.get(`/app-api/conversations/${conversationId}`);
    expect(detail.body.conversation.bookedAt).toBe('2026-03-10T15:00:00.000Z');
    expect(detail.body.conversation.outcome).toBe('qualified');
    const booked = detail.body.conversation.events.filter(
      (event: { type: string }) => event.type === 'conversation.booked',
    );
    expect(booked).toHaveLength(1);
    expect(booked[0].data.userId).toBe(staff.user.id);
    expect(published).toContainEqual({ event: 'conversation:updated', payload: { conversationId } });
  });

  it('keeps the first booking when marked twice', async () => {
    const conversationId = await qualifyLead();
    await staff.post(`/app-api/conversations/${conversationId}/booking`);
    testApp.clock.advance(60_000);

    const again = await staff.post(`/app-api/conversations/${conversationId}/booking`);

    expect(again.status).toBe(200);
    expect(again.body.bookedAt).toBe('2026-03-10T15:00:00.000Z');
    const detail = await staff.get(`/app-api/conversations/${conversationId}`);
    const types = detail.body.conversation.events.map((event: { type: string }) => event.type);
    expect(types.filter((type: string) => type === 'conversation.booked')).toHaveLength(1);
  });

  it('records one booking when marked at once', async () => {
    const conversationId = await qualifyLead();

    const marks = await Promise.all(
      Array.from({ length: 8 }, () => staff.post(`/app-api/conversations/${conversationId}/booking`)),
    );
    const retried = await testApp.api().post(`/api/conversations/${conversationId}/booking`).send({});

    const bookedTimes = new Set(marks.map((mark) => mark.body.bookedAt));
    expect(bookedTimes.size).toBe(1);
    expect(retried.body.bookedAt).toBe(marks[0]?.body.bookedAt);
    const detail = await staff.get(`/app-api/conversations/${conversationId}`);
    const types = detail.body.conversation.events.map((event: { type: string }) => event.type);
    expect(types.filter((type: string) => type === 'conversation.booked')).toHaveLength(1);
  });

  it('rejects marking booked without the CSRF header', async () => {
    const conversationId = await qualifyLead();

    const forged = await request(testApp.app)
      .post(`/app-api/conversations/${conversationId}/booking`)
      .set('Cookie', staff.cookie);

    expect(forged.status).toBe(403);
    expect(await listIds('booked')).toEqual([]);
  });

  it('records a booking from the REST API', async () => {
    const conversationId = await missCall();

    const booking = await testApp.api().post(`/api/conversations/${conversationId}/booking`).send({});

    expect(booking.status).toBe(201);
    expect(booking.body.bookedAt).toBe('2026-03-10T15:00:00.000Z');
    expect(await listIds('booked')).toEqual([conversationId]);
    const detail = await testApp.api().get(`/api/conversations/${conversationId}`);
    expect(detail.body.conversation.bookedAt).toBe('2026-03-10T15:00:00.000Z');
  });
});

describe('conversation actions', () => {
  it('shows the transcript, the call that started it and the details', async () => {
    const conversationId = await missCall();
    await leadTexts('my water heater is leaking');

    const detail = await staff.get(`/app-api/conversations/${conversationId}`);

    const conversation = detail.body.conversation;
    expect(conversation.calls).toHaveLength(1);
    expect(conversation.calls[0].status).toBe('missed');
    expect(conversation.messages.map((message: { author: string }) => message.author)).toEqual([
      'bot',
      'lead',
      'bot',
    ]);
    expect(conversation.details.need).toMatch(/water heater/);
    expect(conversation.botState).toBeUndefined();
  });

  it('takes the conversation over when staff reply, so the bot stays quiet', async () => {
    const conversationId = await missCall();
    await leadTexts('my water heater is leaking');
    const sentBefore = twilio.messages.length;

    const reply = await staff
      .post(`/app-api/conversations/${conversationId}/messages`)
      .send({ body: 'Hi, this is Sam. I can come by at 4pm.' });
    await leadTexts('great, thanks');

    expect(reply.status).toBe(201);
    expect(reply.body.message.author).toBe('staff');
    expect(twilio.messages.slice(sentBefore).map((message) => message.body)).toEqual([
      'Hi, this is Sam. I can come by at 4pm.',
    ]);
    const detail = await staff.get(`/app-api/conversations/${conversationId}`);
    expect(detail.body.conversation.holder).toBe('human');
    expect(detail.body.conversation.assigneeId).toBe(staff.user.id);
    const types = detail.body.conversation.events.map((event: { type: string }) => event.type);
    expect(types).toContain('staff.took_over');
    expect(types).toContain('staff.replied');
  });

  it('lets the bot answer again after hand back', async () => {
    const conversationId = await missCall();
    await staff.post(`/app-api/conversations/${conversationId}/takeover`);
    await leadTexts('my toilet is running');
    const sentWhileHeld = twilio.messages.length;

    const handback = await staff.post(`/app-api/conversations/${conversationId}/handback`);
    await leadTexts('it is the upstairs one');

    expect(handback.status).toBe(200);
    expect(twilio.messages.length).toBeGreaterThan(sentWhileHeld);
    const detail = await staff.get(`/app-api/conversations/${conversationId}`);
    expect(detail.body.conversation.holder).toBe('bot');
    expect(detail.body.conversation.assigneeId).toBeNull();
  });

  it('clears the handoff and its reason on hand back', async () => {
    const conversationId = await missCall();
    await leadTexts('can I talk to a real person?');

    await staff.post(`/app-api/conversations/${conversationId}/handback`);

    const detail = await staff.get(`/app-api/conversations/${conversationId}`);
    expect(detail.body.conversation.holder).toBe('bot');
    expect(detail.body.conversation.outcome).toBeNull();
    expect(detail.body.conversation.outcomeReason).toBeNull();
  });

  it('answers an FAQ after hand back', async () => {
    const conversationId = await missCall();
    await leadTexts('my kitchen sink is leaking');
    await leadTexts('Ana Ruiz');
    await leadTexts('60614');
    await leadTexts('tomorrow at 3pm');
    await leadTexts('can you also look at the water softener?');
    await staff.post(`/app-api/conversations/${conversationId}/handback`);
    const sentBefore = twilio.messages.length;

    await leadTexts('how much do you charge?');

    expect(twilio.messages.slice(sentBefore).map((message) => message.body)).toEqual([
      'Pricing depends on the job, so the tech gives you a quote before any work starts.',
    ]);
    const detail = await staff.get(`/app-api/conversations/${conversationId}`);
    expect(detail.body.conversation.holder).toBe('bot');
    expect(detail.body.conversation.outcome).toBeNull();
    expect(detail.body.conversation.currentStepId).toBeNull();
  });

  it('restarts qualifying after hand back', async () => {
    const conversationId = await missCall();
    await leadTexts('can I talk to a real person?');
    await staff.post(`/app-api/conversations/${conversationId}/handback`);
    const sentBefore = twilio.messages.length;

    await leadTexts('my toilet keeps running');

    expect(twilio.messages.slice(sentBefore).map((message) => message.body)).toEqual([
      "Thanks, we can help with that. What's your name?",
    ]);
    const detail = await staff.get(`/app-api/conversations/${conversationId}`);
    expect(detail.body.conversation.holder).toBe('bot');
    expect(detail.body.conversation.currentStepId).toBe('ask_name');
    expect(detail.body.conversation.details.need).toBe('toilet keeps running');
  });

  it('leaves texts staff answered out of the next bot turn', async () => {
    const conversationId = await missCall();
    await leadTexts('my sink is leaking');
    await leadTexts('stop texting me so much lol');
    await staff.post(`/app-api/conversations/${conversationId}/messages`).send({ body: 'Still want us to come by?' });
    await leadTexts('yes please');
    await staff.post(`/app-api/conversations/${conversationId}/handback`);

    await leadTexts('Bob Smith');

    const detail = await staff.get(`/app-api/conversations/${conversationId}`);
    expect(detail.body.conversation.outcome).toBeNull();
    expect(detail.body.conversation.attentionReason).toBeNull();
    expect(detail.body.conversation.details.name).toBe('Bob Smith');
    expect(detail.body.conversation.details.need).toBe('sink is leaking');
  });

  it('keeps keyword texts out of the bot’s answers', async () => {
    const conversationId = await missCall();

    await leadTexts('HELP');
    await leadTexts('my dishwasher is leaking');

    const detail = await staff.get(`/app-api/conversations/${conversationId}`);
    expect(detail.body.conversation.details.need).toBe('dishwasher is leaking');
  });

  it('reopens a discarded lead on hand back', async () => {
    const conversationId = await missCall();
    await leadTexts('wrong number');
    await staff.post(`/app-api/conversations/${conversationId}/takeover`);
    await staff.post(`/app-api/conversations/${conversationId}/handback`);
    const sentBefore = twilio.messages.length;

    await leadTexts('sorry, my sink is clogged');

    expect(twilio.messages.slice(sentBefore)).toHaveLength(1);
    const detail = await staff.get(`/app-api/conversations/${conversationId}`);
    expect(detail.body.conversation.outcome).toBeNull();
    expect(detail.body.conversation.outcomeReason).toBeNull();
    expect(detail.body.conversation.currentStepId).toBe('ask_name');
  });

  it('keeps an opted-out contact with staff on hand back', async () => {
    const conversationId = await missCall();
    await leadTexts('STOP');
    await staff.post(`/app-api/conversations/${conversationId}/takeover`);

    const handback = await staff.post(`/app-api/conversations/${conversationId}/handback`);

    expect(handback.status).toBe(409);
    expect(handback.body.error.code).toBe('opted_out');
    const detail = await staff.get(`/app-api/conversations/${conversationId}`);
    expect(detail.body.conversation.holder).toBe('human');
  });

  it('refuses to text a contact who opted out', async () => {
    const conversationId = await missCall();
    await leadTexts('STOP');
    const sentBefore = twilio.messages.length;

    const reply = await staff
      .post(`/app-api/conversations/${conversationId}/messages`)
      .send({ body: 'Are you sure?' });

    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe('opted_out');
    expect(reply.body.error.message).toMatch(/STOP/);
    expect(twilio.messages.length).toBe(sentBefore);
  });

  it('stores the failure reason when the provider rejects a reply', async () => {
    const conversationId = await missCall();
    twilio.failNext(21610);

    const reply = await staff
      .post(`/app-api/conversations/${conversationId}/messages`)
      .send({ body: 'Hello?' });

    expect(reply.status).toBe(201);
    expect(reply.body.message.status).toBe('failed');
    const detail = await staff.get(`/app-api/conversations/${conversationId}`);
    const failed = detail.body.conversation.messages.find((message: { body: string }) => message.body === 'Hello?');
    expect(failed.errorCode).toBe('21610');
  });

  it('adds internal notes with their author and sends nothing', async () => {
    const conversationId = await missCall();
    const sentBefore = twilio.messages.length;

    const note = await staff
      .post(`/app-api/conversations/${conversationId}/notes`)
      .send({ body: 'Called back, no answer' });

    expect(note.status).toBe(201);
    const detail = await owner.get(`/app-api/conversations/${conversationId}`);
    expect(detail.body.conversation.notes).toMatchObject([
      { body: 'Called back, no answer', authorName: 'Sam Cruz' },
    ]);
    expect(twilio.messages.length).toBe(sentBefore);
  });

  it('assigns only to members of the same business', async () => {
    const conversationId = await missCall();
    const other = await seedBusiness(database.db, { phoneNumber: '+15555550177', name: 'Other Co' });
    const outsider = await createWebSession(testApp.app, database.db, {
      businessId: other.id,
      email: 'outsider@other.example',
    });

    const toOwner = await staff
      .post(`/app-api/conversations/${conversationId}/assign`)
      .send({ userId: owner.user.id });
    const toOutsider = await staff
      .post(`/app-api/conversations/${conversationId}/assign`)
      .send({ userId: outsider.user.id });

    expect(toOwner.status).toBe(200);
    expect(toOutsider.status).toBe(400);
  });

  it('closes and reopens, refusing replies while closed', async () => {
    const conversationId = await missCall();

    await staff.post(`/app-api/conversations/${conversationId}/close`);
    const whileClosed = await staff
      .post(`/app-api/conversations/${conversationId}/messages`)
      .send({ body: 'Hello' });
    const reopen = await staff.post(`/app-api/conversations/${conversationId}/reopen`);

    expect(whileClosed.status).toBe(409);
    expect(reopen.status).toBe(200);
    const detail = await staff.get(`/app-api/conversations/${conversationId}`);
    expect(detail.body.conversation.status).toBe('open');
  });

  it('requires a session', async () => {
    const conversationId = await missCall();

    const response = await testApp.api().get(`/app-api/conversations/${conversationId}`);

    expect(response.status).toBe(401);
  });
});

describe('settings and team', () => {
  it('lets owners change settings and staff only read them', async () => {
    const byStaff = await staff.patch('/app-api/settings').send({ textBackEnabled: false });
    const byOwner = await owner.patch('/app-api/settings').send({
      textBackEnabled: false,
      ringTimeoutSeconds: 25,
      holidays: [{ date: '2026-12-25', name: 'Christmas' }],
    });
    const read = await staff.get('/app-api/settings');

    expect(byStaff.status).toBe(403);
    expect(byOwner.status).toBe(200);
    expect(read.body.settings.textBackEnabled).toBe(false);
    expect(read.body.settings.ringTimeoutSeconds).toBe(25);
    expect(read.body.settings.holidays).toEqual([{ date: '2026-12-25', name: 'Christmas' }]);
  });

  it('rejects an opening message with an unknown field', async () => {
    const response = await owner.patch('/app-api/settings').send({ openingMessage: 'Hi {{contact.nickname}}' });

    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/Unknown field "contact.nickname"/);
  });

  it('lets owners add staff who can then log in, and keeps the last owner', async () => {
    const added = await owner
      .post('/app-api/team')
      .send({ email: 'lee@rivera.example', name: 'Lee', role: 'staff', password: 'lee password 1' });
    const byStaff = await staff
      .post('/app-api/team')
      .send({ email: 'x@rivera.example', name: 'X', role: 'staff', password: 'x password 1' });
    const demoteLastOwner = await owner.patch(`/app-api/team/${owner.user.id}`).send({ role: 'staff' });
    const list = await staff.get('/app-api/team');

    expect(added.status).toBe(201);
    expect(byStaff.status).toBe(403);
    expect(demoteLastOwner.status).toBe(409);
    expect(list.body.members.map((member: { email: string }) => member.email)).toContain('lee@rivera.example');
  });

  it('keeps one owner when two remove each other at once', async () => {
    // Several businesses, because one race may by chance run the requests one after the other.
    for (let round = 0; round < 6; round += 1) {
      const business = await seedBusiness(database.db, { phoneNumber: `+1555555030${round}` });
      const sessionOptions = (name: string) => ({ businessId: business.id, email: `${name}${round}@example.com`, role: 'owner' as const });
      const first = await createWebSession(testApp.app, database.db, sessionOptions('first'));
      const second = await createWebSession(testApp.app, database.db, sessionOptions('second'));

      const removals = await Promise.all([
        first.delete(`/app-api/team/${second.user.id}`),
        second.delete(`/app-api/team/${first.user.id}`),
      ]);

      // The later request finds itself the last owner (409), or its own account gone (401).
      const statuses = removals.map((removal) => removal.status).sort();
      expect(statuses[0]).toBe(200);
      expect([401, 409]).toContain(statuses[1]);
      const users = await database.db.query.users.findMany();
      expect(users.filter((user) => user.businessId === business.id && user.role === 'owner')).toHaveLength(1);
    }
  });

  it('ends a removed member’s sessions', async () => {
    const removed = await owner.delete(`/app-api/team/${staff.user.id}`);
    const me = await staff.get('/app-api/auth/me');

    expect(removed.status).toBe(200);
    expect(me.status).toBe(401);
  });
});
