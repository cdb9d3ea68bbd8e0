import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../server/auth/hash-password.ts';
import { createOwner } from '../../server/auth/create-owner.ts';
import { LoginThrottle } from '../../server/auth/login-throttle.ts';
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

/** Posts a login from `address`, which the app reads from X-Forwarded-For behind loopback. */
function logIn(email: string, password: string, address = '192.0.2.1') {
  return request(testApp.app)
    .post('/app-api/auth/login')
    .set('X-Requested-With', 'textback')
    .set('X-Forwarded-For', address)
    .send({ email, password });
}

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
    for (let index = 0; index < 10; index += 1) {
      await logIn('target@example.com', 'guess');
    }

    const blocked = await logIn('target@example.com', 'guess');

    expect(blocked.status).toBe(429);
  });

  it('lets another client address log in while one is throttled', async () => {
    await createWebSession(testApp.app, database.db, {
      businessId: business.id,
      email: 'ana@example.com',
    });
    for (let index = 0; index < 10; index += 1) {
      await logIn('ana@example.com', 'guess', '203.0.113.7');
    }

    const attacker = await logIn('ana@example.com', testPassword, '203.0.113.7');
    const owner = await logIn('ana@example.com', testPassword, '198.51.100.2');

    expect(attacker.status).toBe(429);
    expect(owner.status).toBe(200);
  });

  it('accepts the right password once the throttle expires', async () => {
    await createWebSession(testApp.app, database.db, {
      businessId: business.id,
      email: 'ana@example.com',
    });
    for (let index = 0; index < 10; index += 1) {
      await logIn('ana@example.com', 'guess');
    }

    const blocked = await logIn('ana@example.com', testPassword);
    testApp.clock.advance(15 * 60 * 1000);
    const afterExpiry = await logIn('ana@example.com', testPassword);

    expect(blocked.status).toBe(429);
    expect(afterExpiry.status).toBe(200);
  });

  it('refuses one client address trying many accounts', async () => {
    for (let index = 0; index < 50; index += 1) {
      await logIn(`user${index}@example.com`, 'guess', '203.0.113.9');
    }

    const sprayer = await logIn('fresh@example.com', 'guess', '203.0.113.9');
    const other = await logIn('fresh@example.com', 'guess', '198.51.100.3');

    expect(sprayer.status).toBe(429);
    expect(other.status).toBe(401);
  });

  it('answers 401 to a malformed session cookie', async () => {
    const me = await request(testApp.app)
      .get('/app-api/auth/me')
      .set('Cookie', 'textback_session=%E0%A4%A');

    expect(me.status).toBe(401);
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

describe('login throttle', () => {
  it('keeps at most maxEntries counters', () => {
    const throttle = new LoginThrottle({ maxEntries: 100 });
    const now = new Date('2026-03-10T15:00:00Z');

    for (let index = 0; index < 1000; index += 1) {
      throttle.recordFailure({ email: `user${index}@example.com`, address: `10.0.${index}` }, now);
    }

    expect(throttle.size).toBeLessThanOrEqual(100);
  });

  it('drops expired counters before live ones', () => {
    const throttle = new LoginThrottle({ maxEntries: 4, maxFailuresPerAccount: 1 });
    const start = new Date('2026-03-10T15:00:00Z');
    const later = new Date(start.getTime() + 15 * 60 * 1000);
    const live = { email: 'live@example.com', address: '10.0.0.1' };

    throttle.recordFailure({ email: 'old@example.com', address: '10.0.0.2' }, start);
    throttle.recordFailure(live, later);
    throttle.recordFailure({ email: 'new@example.com', address: '10.0.0.3' }, later);

    expect(throttle.size).toBe(4);
    expect(throttle.isBlocked(live, later)).toBe(true);
  });
});
