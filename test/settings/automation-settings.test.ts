import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedBusiness } from '../support/seed.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';
import { createTestDatabase } from '../support/test-database.ts';
import type { TestDatabase } from '../support/test-database.ts';
import { createWebSession } from '../support/web-session.ts';
import type { WebSession } from '../support/web-session.ts';

const path = '/app-api/settings/automation';

let database: TestDatabase;
let testApp: TestApp;
let owner: WebSession;
let staff: WebSession;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.close();
});

beforeEach(async () => {
  await database.reset();
  testApp = await createTestApp({ db: database.db });
  const business = await seedBusiness(database.db);
  owner = await createWebSession(testApp.app, database.db, { businessId: business.id, email: 'owner@example.com', role: 'owner' });
  staff = await createWebSession(testApp.app, database.db, { businessId: business.id, email: 'staff@example.com', name: 'Sam Staff' });
});

/** The session helper has no PUT, so this sends one with the same cookie and CSRF header. */
function put(session: WebSession, body: unknown): request.Test {
  return request(testApp.app)
    .put(path)
    .set('Cookie', session.cookie)
    .set('X-Requested-With', 'textback')
    .send(body as object);
}

function validSettings() {
  return {
    sendWindow: { start: '09:00', end: '18:30' },
    textBackDelaySeconds: 45,
    cooldownMinutes: 60,
    dailyTextCap: 2,
    staleAfterMinutes: 240,
    afterHoursMessage: 'Hi, {{business.name}} is closed now; we will text you in the morning.',
    onCall: { name: 'Sam Staff', phone: '(555) 555-0142', email: 'sam@example.com', userId: staff.user.id },
  };
}

describe('automation settings in the web app', () => {
  it('gives everyone the defaults before anything is saved', async () => {
    const response = await staff.get(path);

    expect(response.status).toBe(200);
    expect(response.body.automation).toEqual({
      sendWindow: { start: '08:00', end: '21:00' },
      textBackDelaySeconds: 0,
      cooldownMinutes: 30,
      dailyTextCap: 3,
      staleAfterMinutes: 720,
      afterHoursMessage: null,
      onCall: null,
    });
  });

  it('lets an owner save them and read them back', async () => {
    const saved = await put(owner, validSettings());
    const read = await owner.get(path);
    const readByStaff = await staff.get(path);

    const expected = { ...validSettings(), onCall: { ...validSettings().onCall, phone: '+15555550142' } };
    expect(saved.status).toBe(200);
    expect(saved.body.automation).toEqual(expected);
    expect(read.body.automation).toEqual(expected);
    expect(readByStaff.body.automation).toEqual(expected);
  });

  it('rejects a change by staff and keeps the old settings', async () => {
    const response = await put(staff, validSettings());
    const read = await owner.get(path);

    expect(response.status).toBe(403);
    expect(read.body.automation.cooldownMinutes).toBe(30);
  });

  it.each([
    ['a send window outside 08:00–21:00', { sendWindow: { start: '07:00', end: '18:00' } }, 'sendWindow'],
    ['a send window that ends before it starts', { sendWindow: { start: '18:00', end: '09:00' } }, 'sendWindow'],
    ['a badly written time', { sendWindow: { start: '9am', end: '18:00' } }, 'sendWindow.start'],
    ['a negative text-back delay', { textBackDelaySeconds: -1 }, 'textBackDelaySeconds'],
    ['a fractional cooldown', { cooldownMinutes: 1.5 }, 'cooldownMinutes'],
    ['a daily cap of 0', { dailyTextCap: 0 }, 'dailyTextCap'],
    ['a daily cap over 20', { dailyTextCap: 21 }, 'dailyTextCap'],
    ['an empty after-hours message', { afterHoursMessage: '  ' }, 'afterHoursMessage'],
    ['an invalid on-call phone', { onCall: { name: 'Sam', phone: '12' } }, 'onCall.phone'],
    ['an invalid on-call e-mail', { onCall: { name: 'Sam', email: 'sam' } }, 'onCall.email'],
    ['an unknown field', { businessId: '00000000-0000-4000-8000-000000000000' }, ''],
  ])('rejects %s with a 400 naming the field', async (_name, update, field) => {
    const response = await put(owner, { ...validSettings(), ...update });

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('bad_request');
    if (field !== '') {
      expect(response.body.error.message).toContain(`${field}:`);
    }
  });

  it('rejects an on-call user from another business', async () => {
    const other = await seedBusiness(database.db, { name: 'Other Co', phoneNumber: '+15555550111' });
    const outsider = await createWebSession(testApp.app, database.db, { businessId: other.id, email: 'outsider@example.com' });

    const response = await put(owner, { ...validSettings(), onCall: { name: 'Outsider', userId: outsider.user.id } });

    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('onCall.userId');
  });

  it('keeps each business to its own settings', async () => {
    const other = await seedBusiness(database.db, { name: 'Other Co', phoneNumber: '+15555550111' });
    const otherOwner = await createWebSession(testApp.app, database.db, { businessId: other.id, email: 'other@example.com', role: 'owner' });

    await put(owner, validSettings());
    const otherRead = await otherOwner.get(path);
    await put(otherOwner, { dailyTextCap: 5 });
    const ownRead = await owner.get(path);

    expect(otherRead.body.automation.dailyTextCap).toBe(3);
    expect(otherRead.body.automation.onCall).toBeNull();
    expect(ownRead.body.automation.dailyTextCap).toBe(2);
    expect(ownRead.body.automation.onCall.userId).toBe(staff.user.id);
  });
});
