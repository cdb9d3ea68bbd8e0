import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { insertNotification } from '../../server/notifications/notification-repo.ts';
import { callParams, seedBusiness } from '../support/seed.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';
import { createTestDatabase } from '../support/test-database.ts';
import type { TestDatabase } from '../support/test-database.ts';
import { createWebSession } from '../support/web-session.ts';
import type { WebSession } from '../support/web-session.ts';

let database: TestDatabase;
let testApp: TestApp;
let alice: WebSession;
let bob: WebSession;
let aliceBusinessId: string;
let bobBusinessId: string;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.close();
});

beforeEach(async () => {
  await database.reset();
  testApp = await createTestApp({ db: database.db });
  const first = await seedBusiness(database.db);
  const second = await seedBusiness(database.db, { name: 'Lopez HVAC', phoneNumber: '+15555550177' });
  aliceBusinessId = first.id;
  bobBusinessId = second.id;
  alice = await createWebSession(testApp.app, database.db, { businessId: first.id, email: 'alice@rivera.example' });
  bob = await createWebSession(testApp.app, database.db, { businessId: second.id, email: 'bob@lopez.example' });
});

async function notifyAlice(message: string): Promise<string> {
  const stored = await insertNotification(database.db, { businessId: aliceBusinessId, kind: 'test', message });
  return stored.id;
}

describe('notifications API', () => {
  it('lists a withheld-caller missed call', async () => {
    const call = callParams({ From: 'Anonymous', Caller: 'Anonymous' });
    await testApp.postWebhook('/webhooks/twilio/voice', call);
    await testApp.postWebhook('/webhooks/twilio/voice/dial-status', { ...call, DialCallStatus: 'no-answer' });
    await testApp.ctx.tasks.drain();

    const response = await alice.get('/app-api/notifications');

    expect(response.status).toBe(200);
    expect(response.body.unreadCount).toBe(1);
    expect(response.body.notifications).toEqual([
      expect.objectContaining({
        kind: 'withheld_caller_id',
        message: 'Missed call, caller ID withheld',
        conversationId: null,
        readAt: null,
      }),
    ]);
    expect(response.body.notifications[0]).not.toHaveProperty('businessId');
  });

  it('lists the newest notification first', async () => {
    await notifyAlice('first');
    await notifyAlice('second');

    const response = await alice.get('/app-api/notifications');

    expect(response.body.notifications.map((item: { message: string }) => item.message)).toEqual([
      'second',
      'first',
    ]);
  });

  it('marks one notification read', async () => {
    const id = await notifyAlice('Missed call from a landline');
    await notifyAlice('New voicemail');

    const marked = await alice.post(`/app-api/notifications/${id}/read`);
    const after = await alice.get('/app-api/notifications');

    expect(marked.status).toBe(200);
    expect(after.body.unreadCount).toBe(1);
    const read = after.body.notifications.find((item: { id: string }) => item.id === id);
    expect(read.readAt).toEqual(expect.any(String));
  });

  it('marks all notifications read', async () => {
    await notifyAlice('one');
    await notifyAlice('two');

    const marked = await alice.post('/app-api/notifications/read-all');
    const after = await alice.get('/app-api/notifications');

    expect(marked.body).toEqual({ ok: true, markedCount: 2 });
    expect(after.body.unreadCount).toBe(0);
  });

  it('answers 404 for an unknown id', async () => {
    const response = await alice.post('/app-api/notifications/00000000-0000-4000-8000-000000000000/read');

    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('not_found');
  });

  it('answers 400 for a malformed id', async () => {
    const response = await alice.post('/app-api/notifications/not-an-id/read');

    expect(response.status).toBe(400);
  });

  it('answers 401 without a session', async () => {
    const response = await request(testApp.app).get('/app-api/notifications');

    expect(response.status).toBe(401);
  });
});

describe('notifications across businesses', () => {
  it('hides another business’s notifications', async () => {
    await notifyAlice('only for Rivera Plumbing');

    const response = await bob.get('/app-api/notifications');

    expect(response.body).toEqual({ notifications: [], unreadCount: 0 });
  });

  it('answers 404 for another business’s notification', async () => {
    const id = await notifyAlice('only for Rivera Plumbing');

    const response = await bob.post(`/app-api/notifications/${id}/read`);
    const aliceView = await alice.get('/app-api/notifications');

    expect(response.status).toBe(404);
    expect(aliceView.body.unreadCount).toBe(1);
  });

  it('marks only its own business read', async () => {
    await notifyAlice('only for Rivera Plumbing');
    await insertNotification(database.db, { businessId: bobBusinessId, kind: 'test', message: 'for Lopez' });

    const marked = await bob.post('/app-api/notifications/read-all');
    const aliceView = await alice.get('/app-api/notifications');

    expect(marked.body.markedCount).toBe(1);
    expect(aliceView.body.unreadCount).toBe(1);
  });
});
