import { isNotNull } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findContactByPhone } from '../../server/contacts/contact-repo.ts';
import { calls } from '../../server/db/schema.ts';
import { findOpenConversation } from '../../server/conversations/conversation-repo.ts';
import { listNotifications } from '../../server/notifications/notification-repo.ts';
import { createSmtpMailer } from '../../server/notifications/smtp-mailer.ts';
import type { Mailer } from '../../server/notifications/smtp-mailer.ts';
import { publishDomainEvent } from '../../server/workflows/publish-domain-event.ts';
import { startFakeTwilio } from '../support/fake-twilio.ts';
import type { FakeTwilio } from '../support/fake-twilio.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';
import { createTestDatabase } from '../support/test-database.ts';
import type { TestDatabase } from '../support/test-database.ts';
import { callParams, leadNumber, seedBusiness } from '../support/seed.ts';
import { startFakeSmtp } from './support/fake-smtp.ts';
import type { FakeSmtp } from './support/fake-smtp.ts';
import { startTestWorkflows } from './support/start-test-workflows.ts';
import type { TestWorkflows } from './support/start-test-workflows.ts';

let database: TestDatabase;
let twilio: FakeTwilio;
let smtp: FakeSmtp;
let mailer: Mailer;
let testApp: TestApp;
let workflows: TestWorkflows;

const onCallPhone = '+15555550177';

beforeAll(async () => {
  database = await createTestDatabase();
  twilio = await startFakeTwilio();
  smtp = await startFakeSmtp();
  mailer = createSmtpMailer({ url: smtp.url, from: 'textback@example.test' });
});

afterAll(async () => {
  mailer.close();
  await smtp.close();
  await twilio.close();
  await database.close();
});

beforeEach(async () => {
  await database.reset();
  twilio.messages.length = 0;
  smtp.mails.length = 0;
  testApp = await createTestApp({ db: database.db, fakeTwilioUrl: twilio.url });
  workflows = await startTestWorkflows(testApp, database, { mailer });
});

afterEach(async () => {
  await workflows.stop();
});

async function missCall(params = callParams()): Promise<void> {
  await testApp.postWebhook('/webhooks/twilio/voice', params);
  await testApp.postWebhook('/webhooks/twilio/voice/dial-status', { ...params, DialCallStatus: 'no-answer' });
  await workflows.settle();
}

async function leadConversationId(businessId: string): Promise<string> {
  const contact = await findContactByPhone(database.db, businessId, leadNumber);
  const conversation = contact ? await findOpenConversation(database.db, contact.id) : null;
  if (!conversation) {
    throw new Error('no conversation for the lead');
  }
  return conversation.id;
}

describe('on-call notification', () => {
  it('alerts on-call by SMS, e-mail and inbox', async () => {
    const business = await seedBusiness(database.db);
    await testApp.api().put(`/api/businesses/${business.id}/automation`).send({
      onCall: { name: 'Dana', phone: onCallPhone, email: 'dana@example.test' },
    });
    await missCall();
    const conversationId = await leadConversationId(business.id);

    await publishDomainEvent(testApp.ctx, {
      type: 'handed_to_human',
      businessId: business.id,
      conversationId,
      reason: 'Lead reported an emergency',
    });
    await workflows.settle();

    const staffTexts = twilio.messages.filter((message) => message.to === onCallPhone);
    expect(staffTexts).toHaveLength(1);
    expect(staffTexts[0]?.body).toContain('Urgent lead for Rivera Plumbing');
    expect(staffTexts[0]?.body).toContain(`/inbox/${conversationId}`);
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]?.to).toEqual(['<dana@example.test>']);
    expect(smtp.mails[0]?.data).toContain('Subject: Rivera Plumbing: a lead needs you');
    const notifications = await listNotifications(database.db, business.id);
    expect(notifications.some((notification) => notification.kind === 'workflow:urgent-lead-alert')).toBe(true);
  });

  it('ignores a routine hand-off', async () => {
    const business = await seedBusiness(database.db);
    await testApp.api().put(`/api/businesses/${business.id}/automation`).send({
      onCall: { name: 'Dana', phone: onCallPhone, email: 'dana@example.test' },
    });
    await missCall();

    await publishDomainEvent(testApp.ctx, {
      type: 'handed_to_human',
      businessId: business.id,
      conversationId: await leadConversationId(business.id),
      reason: 'The bot could not continue',
    });
    await workflows.settle();

    expect(twilio.messages.filter((message) => message.to === onCallPhone)).toHaveLength(0);
    expect(smtp.mails).toHaveLength(0);
  });
});

describe('delayed text back', () => {
  it('sends the text back once the delay has passed', async () => {
    const business = await seedBusiness(database.db);
    await testApp.api().put(`/api/businesses/${business.id}/automation`).send({ textBackDelaySeconds: 120 });

    await missCall();
    const textsDuringDelay = twilio.messages.length;
    testApp.clock.advance(120_000);
    await workflows.settle();

    expect(textsDuringDelay).toBe(0);
    expect(twilio.messages.filter((message) => message.to === leadNumber)).toHaveLength(1);
  });

  it('is not sent when the business reports calling the lead back', async () => {
    const business = await seedBusiness(database.db);
    await testApp.api().put(`/api/businesses/${business.id}/automation`).send({ textBackDelaySeconds: 120 });
    await missCall();

    testApp.clock.advance(60_000);
    const reported = await testApp.api().post(`/api/businesses/${business.id}/outbound-calls`).send({ to: leadNumber });
    testApp.clock.advance(60_000);
    await workflows.settle();

    expect(reported.status).toBe(201);
    expect(twilio.messages).toHaveLength(0);
    expect(await textBackReasons()).toEqual(['called_back']);
  });

  it('is not sent when the lead calls again and is answered', async () => {
    const business = await seedBusiness(database.db);
    await testApp.api().put(`/api/businesses/${business.id}/automation`).send({ textBackDelaySeconds: 120 });
    await missCall();

    testApp.clock.advance(30_000);
    const second = callParams();
    await testApp.postWebhook('/webhooks/twilio/voice', second);
    await testApp.postWebhook('/webhooks/twilio/voice/dial-status', { ...second, DialCallStatus: 'completed', DialCallDuration: '45' });
    testApp.clock.advance(90_000);
    await workflows.settle();

    expect(twilio.messages).toHaveLength(0);
    expect(await textBackReasons()).toContain('answered_call');
  });
});

describe('after-hours opening message', () => {
  it('texts the after-hours message when the business is closed', async () => {
    const business = await seedBusiness(database.db, { hours: { tue: [{ open: '08:00', close: '17:00' }] } });
    await testApp.api().put(`/api/businesses/${business.id}/automation`).send({
      afterHoursMessage: 'Thanks for calling {{business.name}}. We are closed now and will text you in the morning.',
    });
    // Tuesday 10 March 2026, 19:00 CDT.
    testApp.clock.set(new Date('2026-03-11T00:00:00Z'));

    await missCall();

    expect(twilio.messages[0]?.body).toBe('Thanks for calling Rivera Plumbing. We are closed now and will text you in the morning.');
  });

  it('texts the usual opening message during business hours', async () => {
    const business = await seedBusiness(database.db, { hours: { tue: [{ open: '08:00', close: '17:00' }] } });
    await testApp.api().put(`/api/businesses/${business.id}/automation`).send({ afterHoursMessage: 'We are closed.' });

    await missCall();

    expect(twilio.messages[0]?.body).toContain('Sorry we missed you');
  });
});

async function textBackReasons(): Promise<Array<string | null>> {
  const rows = await database.db.select({ reason: calls.textBackReason }).from(calls).where(isNotNull(calls.textBackStatus));
  return rows.map((row) => row.reason);
}
