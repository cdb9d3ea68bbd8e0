import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../server/auth/hash-password.ts';
import { createOwner } from '../../server/auth/create-owner.ts';
import { seedDemoOwner } from '../../server/auth/seed-demo-owner.ts';
import type { Business } from '../../server/businesses/business.ts';
import { businessNumber, seedBusiness } from '../support/seed.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';
import { createTestDatabase } from '../support/test-database.ts';
import type { TestDatabase } from '../support/test-database.ts';
import { createWebSession, testPassword } from '../support/web-session.ts';

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

describe('password hashing', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const hash = await hashPassword('hunter2hunter2');

    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('hunter2hunter2', hash)).toBe(true);
    expect(await verifyPassword('hunter2hunter3', hash)).toBe(false);
    expect(await verifyPassword('hunter2hunter2', 'not a hash')).toBe(false);
  });

  it('salts each hash differently', async () => {
    expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
  });
});

describe('login', () => {
  it('sets an http-only SameSite=Lax cookie and reads the user back', async () => {
    const session = await createWebSession(testApp.app, database.db, {
      businessId: business.id,
      email: 'Ana@Example.com',
      role: 'owner',
    });

    const me = await session.get('/app-api/auth/me');

    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe('ana@example.com');
    expect(me.body.user.role).toBe('owner');
    expect(me.body.user.passwordHash).toBeUndefined();
    expect(me.body.business.name).toBe('Rivera Plumbing');
  });

  it('marks the cookie Secure, HttpOnly and SameSite=Lax', async () => {
    await createWebSession(testApp.app, database.db, { businessId: business.id, email: 'a@example.com' });

    const login = await request(testApp.app)
      .post('/app-api/auth/login')
      .set('X-Requested-With', 'textback')
      .send({ email: 'a@example.com', password: testPassword });

    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    // The test app's PUBLIC_BASE_URL is https.
    expect(cookie).toContain('Secure');
  });

  it('rejects a wrong password with the same message as an unknown e-mail', async () => {
    await createWebSession(testApp.app, database.db, { businessId: business.id, email: 'a@example.com' });
    const attempt = (email: string, password: string) =>
      request(testApp.app)
        .post('/app-api/auth/login')
        .set('X-Requested-With', 'textback')
        .send({ email, password });

    const wrongPassword = await attempt('a@example.com', 'wrong password');
    const unknownEmail = await attempt('nobody@example.com', testPassword);

    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.body.error.message).toBe(unknownEmail.body.error.message);
  });

  it('refuses logins after ten failures for one address', async () => {
    const attempt = () =>
      request(testApp.app)
        .post('/app-api/auth/login')
        .set('X-Requested-With', 'textback')
        .send({ email: 'target@example.com', password: 'guess' });
    for (let index = 0; index < 10; index += 1) {
      await attempt();
    }

    const blocked = await attempt();

    expect(blocked.status).toBe(429);
  });

  it('ends the session on logout', async () => {
    const session = await createWebSession(testApp.app, database.db, {
      businessId: business.id,
      email: 'a@example.com',
    });

    const logout = await session.post('/app-api/auth/logout');
    const me = await session.get('/app-api/auth/me');

    expect(logout.status).toBe(200);
    expect(me.status).toBe(401);
  });

  it('ends the session when it expires', async () => {
    const session = await createWebSession(testApp.app, database.db, {
      businessId: business.id,
      email: 'a@example.com',
    });

    testApp.clock.advance(15 * 24 * 60 * 60 * 1000);
    const me = await session.get('/app-api/auth/me');

    expect(me.status).toBe(401);
  });
});

describe('cross-site request forgery checks', () => {
  it('rejects a state-changing request without the custom header', async () => {
    const session = await createWebSession(testApp.app, database.db, {
      businessId: business.id,
      email: 'a@example.com',
    });

    const response = await request(testApp.app)
      .post('/app-api/auth/logout')
      .set('Cookie', session.cookie);

    expect(response.status).toBe(403);
    expect((await session.get('/app-api/auth/me')).status).toBe(200);
  });

  it('rejects a request from another origin', async () => {
    const session = await createWebSession(testApp.app, database.db, {
      businessId: business.id,
      email: 'a@example.com',
    });

    const response = await session.post('/app-api/auth/logout').set('Origin', 'https://evil.example');

    expect(response.status).toBe(403);
  });

  it('accepts a request from the public origin', async () => {
    const session = await createWebSession(testApp.app, database.db, {
      businessId: business.id,
      email: 'a@example.com',
    });

    const response = await session.post('/app-api/auth/logout').set('Origin', 'https://textback.test');

    expect(response.status).toBe(200);
  });
});

describe('first owner', () => {
  it('creates an owner by business number who can log in', async () => {
    const result = await createOwner(database.db, {
      email: 'owner@rivera.example',
      password: 'a long enough password',
      business: '(555) 555-0100',
    });

    const login = await request(testApp.app)
      .post('/app-api/auth/login')
      .set('X-Requested-With', 'textback')
      .send({ email: 'owner@rivera.example', password: 'a long enough password' });

    expect(result.ok).toBe(true);
    expect(login.status).toBe(200);
    expect(login.body.user.role).toBe('owner');
  });

  it('reports an unknown business and a short password', async () => {
    const unknown = await createOwner(database.db, {
      email: 'a@example.com',
      password: 'long enough password',
      business: '+15555550999',
    });
    const short = await createOwner(database.db, {
      email: 'a@example.com',
      password: 'short',
      business: businessNumber,
    });

    expect(unknown).toEqual({ ok: false, message: 'No business has the id or number "+15555550999"' });
    expect(short.ok).toBe(false);
  });

  it('seeds the demo owner only while no user exists', async () => {
    const first = await seedDemoOwner(database.db, business, 'demo-password');
    const second = await seedDemoOwner(database.db, business, 'demo-password');

    expect(first).toEqual({ email: 'owner@example.com', password: 'demo-password' });
    expect(second).toBeNull();
  });
});
