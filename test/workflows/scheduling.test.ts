import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findContactByPhone } from '../../server/contacts/contact-repo.ts';
import { findOpenConversation } from '../../server/conversations/conversation-repo.ts';
import { queryRows } from '../../server/db/query-rows.ts';
import { listStepsForConversation } from '../../server/workflows/workflow-run-repo.ts';
import { startFakeTwilio } from '../support/fake-twilio.ts';
import type { FakeTwilio } from '../support/fake-twilio.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';
import { createTestDatabase } from '../support/test-database.ts';
import type { TestDatabase } from '../support/test-database.ts';
import { callParams, leadNumber, seedBusiness } from '../support/seed.ts';
import { settleJobs, startTestWorkflows } from './support/start-test-workflows.ts';

let database: TestDatabase;
let twilio: FakeTwilio;

const hour = 3_600_000;

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
});

async function missCall(testApp: TestApp, from = leadNumber): Promise<void> {
  const params = callParams({ From: from, Caller: from });
  await testApp.postWebhook('/webhooks/twilio/voice', params);
  await testApp.postWebhook('/webhooks/twilio/voice/dial-status', { ...params, DialCallStatus: 'no-answer' });
  await testApp.ctx.tasks.drain();
}

function textsTo(phone: string): string[] {
  return twilio.messages.filter((message) => message.to === phone).map((message) => message.body);
}

async function nudgeSteps(businessId: string, phone = leadNumber) {
  const contact = await findContactByPhone(database.db, businessId, phone);
  const conversation = contact ? await findOpenConversation(database.db, contact.id) : null;
  return conversation ? listStepsForConversation(database.db, conversation.id) : [];
}

describe('quiet hours', () => {
  it('holds a night nudge until 8:00 local across the spring DST change', async () => {
    const testApp = await createTestApp({ db: database.db, fakeTwilioUrl: twilio.url });
    const workflows = await startTestWorkflows(testApp, database);
    const business = await seedBusiness(database.db);
    // Saturday 7 March 2026, 20:30 CST; clocks in Chicago spring forward at 2:00 the next night.
    testApp.clock.set(new Date('2026-03-08T02:30:00Z'));
    await missCall(testApp);

    testApp.clock.advance(2 * hour);
    await workflows.settle();
    const deferred = (await nudgeSteps(business.id))[0];
    testApp.clock.set(new Date('2026-03-08T12:59:00Z'));
    await workflows.settle();
    const textsBeforeMorning = textsTo(leadNumber).length;
    testApp.clock.set(new Date('2026-03-08T13:00:00Z'));
    await workflows.settle();
    await workflows.settle();
    const textsAfterMorning = textsTo(leadNumber).length;
    testApp.clock.set(new Date('2026-03-09T14:00:00Z'));
    await workflows.settle();
    await workflows.stop();

    // 8:00 CDT is 13:00 UTC; before the change it would have been 14:00 UTC.
    expect(deferred?.dueAt.toISOString()).toBe('2026-03-08T13:00:00.000Z');
    expect(deferred?.reason).toBe('quiet_hours (America/Chicago)');
    expect(textsBeforeMorning).toBe(1);
    expect(textsAfterMorning).toBe(2);
    const steps = await nudgeSteps(business.id);
    expect(steps.map((step) => step.status)).toEqual(['done', 'done']);
    expect(steps[1]?.dueAt.toISOString()).toBe('2026-03-09T14:00:00.000Z');
    expect(textsTo(leadNumber)).toHaveLength(3);
  });

  it('holds a nudge across the autumn DST change without sending twice', async () => {
    const testApp = await createTestApp({ db: database.db, fakeTwilioUrl: twilio.url });
    const workflows = await startTestWorkflows(testApp, database);
    const business = await seedBusiness(database.db);
    // Saturday 31 October 2026, 20:00 CDT; clocks fall back at 2:00 on 1 November.
    testApp.clock.set(new Date('2026-11-01T01:00:00Z'));
    await missCall(testApp);

    for (let minutes = 0; minutes <= 16 * 60; minutes += 30) {
      testApp.clock.set(new Date(Date.parse('2026-11-01T01:00:00Z') + minutes * 60_000));
      await workflows.settle();
    }
    await workflows.stop();

    // 8:00 CST is 14:00 UTC.
    const steps = await nudgeSteps(business.id);
    expect(steps[0]?.status).toBe('done');
    expect(steps[0]?.finishedAt?.toISOString()).toBe('2026-11-01T14:00:00.000Z');
    expect(textsTo(leadNumber)).toHaveLength(2);
  });

  it('uses a narrower send window the owner sets', async () => {
    const testApp = await createTestApp({ db: database.db, fakeTwilioUrl: twilio.url });
    const workflows = await startTestWorkflows(testApp, database);
    const business = await seedBusiness(database.db);
    const saved = await testApp.api().put(`/api/businesses/${business.id}/automation`).send({ sendWindow: { start: '10:00', end: '17:00' } });
    const rejected = await testApp.api().put(`/api/businesses/${business.id}/automation`).send({ sendWindow: { start: '07:00', end: '17:00' } });
    // 20:30 UTC is 15:30 CDT, so the nudge comes due at 17:30, after the window closes at 17:00,
    // and waits for 10:00 CDT the next day (15:00 UTC).
    testApp.clock.set(new Date('2026-03-10T20:30:00Z'));
    await missCall(testApp);

    testApp.clock.advance(2 * hour);
    await workflows.settle();
    await workflows.stop();

    expect(saved.status).toBe(200);
    expect(rejected.status).toBe(400);
    expect((await nudgeSteps(business.id))[0]?.dueAt.toISOString()).toBe('2026-03-11T15:00:00.000Z');
  });
});

describe('durable jobs', () => {
  it('runs a pending nudge after a restart', async () => {
    const first = await createTestApp({ db: database.db, fakeTwilioUrl: twilio.url });
    const firstWorkflows = await startTestWorkflows(first, database, { workerName: 'before-restart' });
    await seedBusiness(database.db);
    await missCall(first);
    await firstWorkflows.stop();

    const second = await createTestApp({ db: database.db, fakeTwilioUrl: twilio.url });
    second.clock.set(new Date(first.clock.now().getTime() + 2 * hour + 5 * 60_000));
    const secondWorkflows = await startTestWorkflows(second, database, { workerName: 'after-restart' });
    await secondWorkflows.settle();
    await secondWorkflows.stop();

    expect(textsTo(leadNumber)).toHaveLength(2);
  });

  it('skips a nudge that became stale while the server was down', async () => {
    const first = await createTestApp({ db: database.db, fakeTwilioUrl: twilio.url });
    const firstWorkflows = await startTestWorkflows(first, database);
    const business = await seedBusiness(database.db);
    await missCall(first);
    await firstWorkflows.stop();

    const second = await createTestApp({ db: database.db, fakeTwilioUrl: twilio.url });
    second.clock.set(new Date(first.clock.now().getTime() + 2 * hour + 13 * hour));
    const secondWorkflows = await startTestWorkflows(second, database);
    await secondWorkflows.settle();
    await secondWorkflows.stop();

    const steps = await nudgeSteps(business.id);
    expect(steps[0]?.status).toBe('skipped');
    expect(steps[0]?.reason).toMatch(/^stale: 780 minutes late, limit 720/);
  });

  it('runs each nudge once with two workers on one database', async () => {
    const appA = await createTestApp({ db: database.db, fakeTwilioUrl: twilio.url });
    const appB = await createTestApp({ db: database.db, fakeTwilioUrl: twilio.url });
    const workersA = await startTestWorkflows(appA, database, { workerName: 'worker-a' });
    const workersB = await startTestWorkflows(appB, database, { workerName: 'worker-b' });
    await seedBusiness(database.db);
    const leads = Array.from({ length: 20 }, (_, index) => `+1555555${String(2000 + index)}`);
    for (const lead of leads) {
      await missCall(appA, lead);
    }

    appA.clock.advance(2 * hour);
    appB.clock.advance(2 * hour);
    await Promise.all([settleJobs(appA, workersA.jobs), settleJobs(appB, workersB.jobs)]);
    await Promise.all([workersA.stop(), workersB.stop()]);

    for (const lead of leads) {
      expect(textsTo(lead)).toHaveLength(2);
    }
  });

  it.runIf(process.env.TEST_DATABASE_URL)('sends nudges after losing the wake-up connection', async () => {
    const testApp = await createTestApp({ db: database.db, fakeTwilioUrl: twilio.url });
    const workflows = await startTestWorkflows(testApp, database);
    await seedBusiness(database.db);
    await missCall(testApp);

    const dropped = await queryRows<{ pid: number }>(
      database.db,
      sql`SELECT pg_terminate_backend(pid) AS pid FROM pg_stat_activity
          WHERE datname = current_database() AND query LIKE 'LISTEN%'`,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    testApp.clock.advance(2 * hour);
    await workflows.settle();
    await workflows.stop();

    expect(dropped).toHaveLength(1);
    expect(textsTo(leadNumber)).toHaveLength(2);
  });
});
