import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Business } from '../../server/businesses/business.ts';
import { seedBusiness } from '../support/seed.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';
import { createTestDatabase } from '../support/test-database.ts';
import type { TestDatabase } from '../support/test-database.ts';
import { createWebSession, testPassword } from '../support/web-session.ts';
import type { WebSession } from '../support/web-session.ts';

const newPassword = 'a brand new passphrase';

let database: TestDatabase;
let testApp: TestApp;
let business: Business;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.close();
});

beforeEach(async () => {
  await database.reset();
  testApp = await createTestApp({ db: database.db });
  business = await seedBusiness(database.db);
});

function logIn(email: string, password: string) {
  return request(testApp.app)
    .post('/app-api/auth/login')
    .set('X-Requested-With', 'textback')
    .send({ email, password });
}

/** Logs a user in once more, as from a second device, and returns that session's cookie. */
async function logInAgain(email: string, password = testPassword): Promise<string> {
  const login = await logIn(email, password);
  const setCookie = login.headers['set-cookie'] as unknown as string[];
  return setCookie[0]?.split(';')[0] ?? '';
}

function readMe(cookie: string) {
  return request(testApp.app).get('/app-api/auth/me').set('Cookie', cookie);
}

function changePassword(session: WebSession, body: Record<string, unknown>) {
  return session.post('/app-api/auth/password').send(body);
}

describe('changing your own password', () => {
  it('accepts the right current password and logs in with the new one', async () => {
    const session = await createWebSession(testApp.app, database.db, { businessId: business.id, email: 'ana@example.com' });

    const change = await changePassword(session, { currentPassword: testPassword, newPassword });

    expect(change.status).toBe(200);
    expect((await logIn('ana@example.com', newPassword)).status).toBe(200);
    expect((await logIn('ana@example.com', testPassword)).status).toBe(401);
  });

  it('rejects a wrong current password and keeps the old one', async () => {
    const session = await createWebSession(testApp.app, database.db, { businessId: business.id, email: 'ana@example.com' });

    const change = await changePassword(session, { currentPassword: 'not my password', newPassword });

    expect(change.status).toBe(403);
    expect(change.body.error.message).toBe('The current password is wrong');
    expect((await logIn('ana@example.com', testPassword)).status).toBe(200);
  });

  it('rejects a new password shorter than 8 characters', async () => {
    const session = await createWebSession(testApp.app, database.db, { businessId: business.id, email: 'ana@example.com' });

    const change = await changePassword(session, { currentPassword: testPassword, newPassword: 'short' });

    expect(change.status).toBe(400);
    expect(change.body.error.message).toContain('at least 8 characters');
  });

  it('rejects a new password equal to the current one', async () => {
    const session = await createWebSession(testApp.app, database.db, { businessId: business.id, email: 'ana@example.com' });

    const change = await changePassword(session, { currentPassword: testPassword, newPassword: testPassword });

    expect(change.status).toBe(400);
  });

  it('ends the other sessions of that user only', async () => {
    const session = await createWebSession(testApp.app, database.db, { businessId: business.id, email: 'ana@example.com' });
    const otherDevice = await logInAgain('ana@example.com');
    const colleague = await createWebSession(testApp.app, database.db, { businessId: business.id, email: 'lee@example.com' });

    await changePassword(session, { currentPassword: testPassword, newPassword });

    expect((await session.get('/app-api/auth/me')).status).toBe(200);
    expect((await readMe(otherDevice)).status).toBe(401);
    expect((await colleague.get('/app-api/auth/me')).status).toBe(200);
  });

  it('throttles repeated wrong current passwords', async () => {
    const session = await createWebSession(testApp.app, database.db, { businessId: business.id, email: 'ana@example.com' });
    for (let index = 0; index < 10; index += 1) {
      await changePassword(session, { currentPassword: `guess ${index}`, newPassword });
    }

    const blocked = await changePassword(session, { currentPassword: testPassword, newPassword });

    expect(blocked.status).toBe(429);
  });

  it('rejects a request without the CSRF header', async () => {
    const session = await createWebSession(testApp.app, database.db, { businessId: business.id, email: 'ana@example.com' });

    const change = await request(testApp.app)
      .post('/app-api/auth/password')
      .set('Cookie', session.cookie)
      .send({ currentPassword: testPassword, newPassword });

    expect(change.status).toBe(403);
    expect((await logIn('ana@example.com', testPassword)).status).toBe(200);
  });

  it('rejects a request from another origin', async () => {
    const session = await createWebSession(testApp.app, database.db, { businessId: business.id, email: 'ana@example.com' });

    const change = await changePassword(session, { currentPassword: testPassword, newPassword }).set(
      'Origin',
      'https://evil.example',
    );

    expect(change.status).toBe(403);
  });

  it('requires a session', async () => {
    const change = await request(testApp.app)
      .post('/app-api/auth/password')
      .set('X-Requested-With', 'textback')
      .send({ currentPassword: testPassword, newPassword });

    expect(change.status).toBe(401);
  });
});

describe('an owner setting a member password', () => {
  it('sets the password and ends all the member sessions', async () => {
    const owner = await createWebSession(testApp.app, database.db, { businessId: business.id, email: 'ana@example.com', role: 'owner' });
    const member = await createWebSession(testApp.app, database.db, { businessId: business.id, email: 'lee@example.com' });

    const update = await owner.patch(`/app-api/team/${member.user.id}`).send({ password: newPassword });

    expect(update.status).toBe(200);
    expect((await member.get('/app-api/auth/me')).status).toBe(401);
    expect((await logIn('lee@example.com', newPassword)).status).toBe(200);
    expect((await owner.get('/app-api/auth/me')).status).toBe(200);
  });

  it('sends the owner to their account page for their own password', async () => {
    const owner = await createWebSession(testApp.app, database.db, { businessId: business.id, email: 'ana@example.com', role: 'owner' });

    const update = await owner.patch(`/app-api/team/${owner.user.id}`).send({ password: newPassword });

    expect(update.status).toBe(400);
    expect((await owner.get('/app-api/auth/me')).status).toBe(200);
    expect((await logIn('ana@example.com', testPassword)).status).toBe(200);
  });

  it('rejects staff setting a colleague password', async () => {
    const staff = await createWebSession(testApp.app, database.db, { businessId: business.id, email: 'lee@example.com' });
    const colleague = await createWebSession(testApp.app, database.db, { businessId: business.id, email: 'kim@example.com' });

    const update = await staff.patch(`/app-api/team/${colleague.user.id}`).send({ password: newPassword });

    expect(update.status).toBe(403);
    expect((await colleague.get('/app-api/auth/me')).status).toBe(200);
  });
});
