import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findOpenConversation, updateConversation } from '../../server/conversations/conversation-repo.ts';
import { findContactByPhone } from '../../server/contacts/contact-repo.ts';
import { listEvents } from '../../server/events/event-repo.ts';
import { startFakeTwilio } from '../support/fake-twilio.ts';
import type { FakeTwilio } from '../support/fake-twilio.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';
import { createTestDatabase } from '../support/test-database.ts';
import type { TestDatabase } from '../support/test-database.ts';
import { callParams, leadNumber, seedBusiness, smsParams } from '../support/seed.ts';
import { startTestWorkflows } from './support/start-test-workflows.ts';
import type { TestWorkflows } from './support/start-test-workflows.ts';

let database: TestDatabase;
let twilio: FakeTwilio;
let testApp: TestApp;
let workflows: TestWorkflows;

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
  testApp = await createTestApp({ db: database.db, fakeTwilioUrl: twilio.url });
  workflows = await startTestWorkflows(testApp, database);
});

afterEach(async () => {
  await workflows.stop();
});

async function missCall(params = callParams()): Promise<void> {
  await testApp.postWebhook('/webhooks/twilio/voice', params);
  await testApp.postWebhook('/webhooks/twilio/voice/dial-status', { ...params, DialCallStatus: 'no-answer' });
  await workflows.settle();
}

async function conversationId(): Promise<string> {
  const business = (await testApp.api().get('/api/businesses')).body.businesses[0] as { id: string };
  const contact = await findContactByPhone(database.db, business.id, leadNumber);
  const conversation = contact ? await findOpenConversation(database.db, contact.id) : null;
  if (!conversation) {
    throw new Error('no conversation for the lead');
  }
  return conversation.id;
}

async function runsOf(id: string) {
  const response = await testApp.api().get(`/api/conversations/${id}/workflows`);
  return response.body.runs as Array<{ workflowKey: string; status: string; stopReason: string | null; steps: Array<{ status: string; reason: string | null; dueAt: string }> }>;
}

function textsToLead(): string[] {
  return twilio.messages.filter((message) => message.to === leadNumber).map((message) => message.body);
}

describe('missed-call nudges', () => {
  it('nudges a silent lead after 2 hours and the next morning', async () => {
    await seedBusiness(database.db);
    await missCall();
    expect(textsToLead()).toHaveLength(1);

    testApp.clock.advance(2 * hour);
    await workflows.settle();
    const afterFirstNudge = textsToLead();
    testApp.clock.set(new Date('2026-03-11T14:00:00Z'));
    await workflows.settle();

    expect(afterFirstNudge).toHaveLength(2);
    expect(afterFirstNudge[1]).toContain('just checking in from Rivera Plumbing');
    expect(textsToLead()).toHaveLength(3);
    expect(textsToLead()[2]).toContain('Good morning from Rivera Plumbing');
    const [run] = await runsOf(await conversationId());
    expect(run?.status).toBe('completed');
    expect(run?.steps.map((step) => step.status)).toEqual(['done', 'done']);
  });

  it('sends nothing before the 2 hours are up', async () => {
    await seedBusiness(database.db);
    await missCall();

    testApp.clock.advance(hour + 59 * 60_000);
    await workflows.settle();

    expect(textsToLead()).toHaveLength(1);
  });

  it('stops when the lead replies', async () => {
    await seedBusiness(database.db);
    await missCall();

    testApp.clock.advance(10 * 60_000);
    await testApp.postWebhook('/webhooks/twilio/sms', smsParams('Need a plumber for a leaky faucet'));
    await workflows.settle();
    const textsAfterReply = textsToLead().length;
    testApp.clock.advance(30 * hour);
    await workflows.settle();

    expect(textsToLead()).toHaveLength(textsAfterReply);
    expect(textsToLead().some((body) => body.includes('just checking in'))).toBe(false);
    const runs = await runsOf(await conversationId());
    expect(runs[0]?.status).toBe('stopped');
    expect(runs[0]?.stopReason).toBe('replied');
    expect(runs[0]?.steps[0]?.status).toBe('cancelled');
  });

  it('stops when the lead books', async () => {
    await seedBusiness(database.db);
    await missCall();
    const id = await conversationId();

    const booking = await testApp.api().post(`/api/conversations/${id}/booking`).send({});
    testApp.clock.advance(30 * hour);
    await workflows.settle();

    expect(booking.status).toBe(201);
    expect(textsToLead()).toHaveLength(1);
    expect((await runsOf(id))[0]?.stopReason).toBe('booked');
  });

  it('stops when the lead opts out', async () => {
    await seedBusiness(database.db);
    await missCall();

    await testApp.postWebhook('/webhooks/twilio/sms', smsParams('STOP'));
    testApp.clock.advance(30 * hour);
    await workflows.settle();

    expect(textsToLead().some((body) => body.includes('just checking in'))).toBe(false);
    expect((await runsOf(await conversationId()))[0]?.stopReason).toBe('opted_out');
  });

  it('stops when staff take over, checked before the step', async () => {
    await seedBusiness(database.db);
    await missCall();
    const id = await conversationId();

    await updateConversation(database.db, id, { holder: 'human' });
    testApp.clock.advance(2 * hour);
    await workflows.settle();

    expect(textsToLead()).toHaveLength(1);
    const [run] = await runsOf(id);
    expect(run?.stopReason).toBe('human_took_over');
    expect(run?.steps[0]?.reason).toBe('human_took_over');
  });

  it('stops when the conversation is closed', async () => {
    await seedBusiness(database.db);
    await missCall();
    const id = await conversationId();

    await updateConversation(database.db, id, { status: 'closed' });
    testApp.clock.advance(2 * hour);
    await workflows.settle();

    expect(textsToLead()).toHaveLength(1);
    expect((await runsOf(id))[0]?.stopReason).toBe('closed');
  });

  it('logs scheduled and sent steps as conversation events', async () => {
    await seedBusiness(database.db);
    await missCall();
    testApp.clock.advance(2 * hour);
    await workflows.settle();

    const response = await testApp.api().get(`/api/conversations/${await conversationId()}`);

    const types = (response.body.conversation.events as Array<{ type: string }>).map((event) => event.type);
    expect(types).toContain('workflow.started');
    expect(types).toContain('workflow.step_scheduled');
    expect(types).toContain('workflow.sms_sent');
  });

  it('skips a nudge over the daily cap with the reason', async () => {
    const business = await seedBusiness(database.db);
    await testApp.api().put(`/api/businesses/${business.id}/automation`).send({ dailyTextCap: 1 });
    await missCall();

    testApp.clock.advance(2 * hour);
    await workflows.settle();

    expect(textsToLead()).toHaveLength(1);
    const [run] = await runsOf(await conversationId());
    expect(run?.steps[0]?.status).toBe('skipped');
    expect(run?.steps[0]?.reason).toMatch(/^daily_cap/);
  });
});

describe('owner removal rules', () => {
  it('removes a lead whose text matches a phrase', async () => {
    const business = await seedBusiness(database.db);
    const source = [
      'key: missed-call-nudges',
      'name: Nudges that survive replies',
      'trigger: { event: no_reply, after: 2h }',
      'stop_when: [opted_out]',
      'remove_when:',
      '  - message_contains: ["already hired"]',
      'steps:',
      '  - type: send_sms',
      '    template: Still need help?',
      '  - type: wait',
      '    for: 1d',
      '  - type: send_sms',
      '    template: Last check-in from us.',
    ].join('\n');
    const saved = await testApp.api().put(`/api/businesses/${business.id}/workflows/missed-call-nudges`).send({ source });
    await missCall();

    testApp.clock.advance(2 * hour);
    await workflows.settle();
    await testApp.postWebhook('/webhooks/twilio/sms', smsParams('Thanks, we already hired someone'));
    await workflows.settle();
    testApp.clock.advance(30 * hour);
    await workflows.settle();

    expect(saved.status).toBe(200);
    expect(textsToLead().filter((body) => body === 'Still need help?')).toHaveLength(1);
    expect(textsToLead()).not.toContain('Last check-in from us.');
    const [run] = await runsOf(await conversationId());
    expect(run?.stopReason).toBe('removal_rule_1: message contains "already hired"');
  });

  it('rejects an invalid workflow with the problem', async () => {
    const business = await seedBusiness(database.db);

    const response = await testApp
      .api()
      .put(`/api/businesses/${business.id}/workflows/bad`)
      .send({ source: 'key: bad\nname: Bad\ntrigger: no_reply\nsteps: [{ type: send_sms, template: Hi }]' });

    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('no_reply needs "after"');
  });

  it('rejects invalid YAML with its position', async () => {
    const business = await seedBusiness(database.db);

    const response = await testApp
      .api()
      .put(`/api/businesses/${business.id}/workflows/bad`)
      .send({ source: 'key: bad\nname: Bad: worse\n' });

    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(
      'Invalid workflow: workflow: Invalid YAML: ' +
        'Nested mappings are not allowed in compact mappings (line 2, column 7)',
    );
  });
});

describe('workflow event log', () => {
  it('records why a run stopped', async () => {
    await seedBusiness(database.db);
    await missCall();
    testApp.clock.advance(60_000);
    await testApp.postWebhook('/webhooks/twilio/sms', smsParams('hello'));
    await workflows.settle();

    const events = await listEvents(database.db, await conversationId());

    const stopped = events.find((event) => event.type === 'workflow.stopped');
    expect(stopped?.data.reason).toBe('replied');
  });
});
