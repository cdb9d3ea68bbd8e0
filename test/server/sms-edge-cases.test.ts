import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LeadInterpreter } from '../../bot/llm/lead-interpreter.ts';
import { claimBotTurn } from '../../server/conversations/bot-turn-lease.ts';
import { resumeBotTurns } from '../../server/conversations/resume-bot-turns.ts';
import { listNotifications } from '../../server/notifications/notification-repo.ts';
import { startFakeTwilio } from '../support/fake-twilio.ts';
import type { FakeTwilio } from '../support/fake-twilio.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp, TestAppOptions } from '../support/test-app.ts';
import { createTestDatabase } from '../support/test-database.ts';
import type { TestDatabase } from '../support/test-database.ts';
import { callParams, seedBusiness, smsParams } from '../support/seed.ts';

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
  businessId = (await seedBusiness(database.db)).id;
  await startApp();
});

async function startApp(options: Partial<TestAppOptions> = {}): Promise<void> {
  testApp = await createTestApp({ db: database.db, fakeTwilioUrl: twilio.url, ...options });
}

async function missCall(): Promise<void> {
  const params = callParams();
  await testApp.postWebhook('/webhooks/twilio/voice', params);
  await testApp.postWebhook('/webhooks/twilio/voice/dial-status', { ...params, DialCallStatus: 'no-answer' });
  await testApp.ctx.tasks.drain();
}

async function text(body: string, overrides: Record<string, string> = {}): Promise<string[]> {
  const before = twilio.messages.length;
  await testApp.postWebhook('/webhooks/twilio/sms', smsParams(body, overrides));
  await testApp.ctx.tasks.drain();
  return twilio.messages.slice(before).map((message) => message.body);
}

async function readConversation(): Promise<Record<string, unknown>> {
  const rows = await database.db.query.conversations.findMany();
  return rows[0] as unknown as Record<string, unknown>;
}

async function readContact(): Promise<{ isOptedOut: boolean }> {
  const rows = await database.db.query.contacts.findMany();
  return rows[0] as unknown as { isOptedOut: boolean };
}

describe('whole-message keywords only', () => {
  it.each(['STOP please', 'stop texting me', 'Please stop', 'dont text me again', 'remove me from your list'])(
    'does not opt out on "%s" but pauses the bot and flags it to staff',
    async (body) => {
      await missCall();

      const replies = await text(body);

      expect(replies).toHaveLength(0);
      expect((await readContact()).isOptedOut).toBe(false);
      const conversation = await readConversation();
      expect(conversation.holder).toBe('human');
      expect(conversation.attentionReason).toBe('likely_opt_out');
      const notifications = await listNotifications(database.db, businessId);
      expect(notifications.map((notification) => notification.kind)).toContain('likely_opt_out');
    },
  );

  it.each(['my pipe will not stop leaking', 'the water does not end'])('lets the bot answer "%s"', async (body) => {
    await missCall();

    const replies = await text(body);

    expect(replies.length).toBeGreaterThan(0);
    expect((await readContact()).isOptedOut).toBe(false);
  });

  it('opts out on "Cancel" typed as an answer to the bot', async () => {
    await missCall();
    await text('need my drain unclogged');

    const replies = await text('Cancel');

    expect(replies).toHaveLength(0);
    expect((await readContact()).isOptedOut).toBe(true);
  });

  it.each([
    ['STOP', 'PARAR', true],
    ['START', 'COMENZAR', false],
  ])('follows OptOutType=%s for the keyword "%s"', async (optOutType, body, isOptedOut) => {
    await missCall();
    if (optOutType === 'START') {
      await text('STOP');
    }

    await text(body, { OptOutType: optOutType });

    expect((await readContact()).isOptedOut).toBe(isOptedOut);
  });

  it('answers a HELP given through OptOutType', async () => {
    await missCall();

    const replies = await text('AYUDA', { OptOutType: 'HELP' });

    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain('Rivera Plumbing');
  });

  it('sends its own STOP confirmation with Twilio only when the owner turns it on', async () => {
    await testApp.api().patch(`/api/businesses/${businessId}`).send({ sendOptOutConfirmation: true });
    await missCall();

    const replies = await text('STOP');

    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain('unsubscribed');
  });

  it('sends nothing of its own on START, and answers the next text afresh', async () => {
    await missCall();
    await text('leaky faucet');
    await text('STOP');

    const afterStart = await text('START');
    const afterNextText = await text('my kitchen faucet is dripping');

    expect(afterStart).toHaveLength(0);
    expect(afterNextText.join(' ')).toMatch(/name/i);
  });
});

describe('bursts of texts', () => {
  it('reads texts sent a second apart as one turn and replies once', async () => {
    await startApp({ replyBatchWindowMs: 2000 });
    await missCall();

    await text('my water heater is leaking');
    testApp.clock.advance(800);
    await text('this is Ana Ruiz');
    testApp.clock.advance(600);
    await text('60614');
    const beforeWindow = twilio.messages.length;
    testApp.ctx.tasks.fireTimers();
    await testApp.ctx.tasks.drain();
    const afterEarlyTimers = twilio.messages.length;
    testApp.clock.advance(2500);
    testApp.ctx.tasks.fireTimers();
    await testApp.ctx.tasks.drain();

    expect(beforeWindow).toBe(1);
    expect(afterEarlyTimers).toBe(1);
    const replies = twilio.messages.slice(1).map((message) => message.body);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatch(/when/i);
    const details = (await readConversation()).details as Record<string, unknown>;
    expect(details.need).toMatch(/water heater/);
    expect(details.name).toBe('Ana Ruiz');
    expect(details.zip).toBe('60614');
  });

  it('answers once after the pause even when every timer fires late', async () => {
    await startApp({ replyBatchWindowMs: 2000 });
    await missCall();
    await text('123 Main St');
    await text('Springfield 55501');

    testApp.clock.advance(5000);
    testApp.ctx.tasks.fireTimers();
    await testApp.ctx.tasks.drain();

    expect(twilio.messages.slice(1)).toHaveLength(1);
  });

  it('lets a STOP that arrives during the pause win over the pending reply', async () => {
    await startApp({ replyBatchWindowMs: 2000 });
    await missCall();
    await text('my toilet is clogged');
    await text('STOP');

    testApp.clock.advance(5000);
    testApp.ctx.tasks.fireTimers();
    await testApp.ctx.tasks.drain();

    expect(twilio.messages).toHaveLength(1);
  });
});

describe('bot turns across processes', () => {
  it('answers a text whose turn was lost in a stop', async () => {
    await startApp({ replyBatchWindowMs: 2000 });
    await missCall();
    await text('my water heater is leaking');
    await testApp.ctx.tasks.stop();
    const repliesBeforeRestart = twilio.messages.length;

    const restarted = await createTestApp({ db: database.db, fakeTwilioUrl: twilio.url, replyBatchWindowMs: 2000 });
    restarted.clock.set(new Date(testApp.clock.now().getTime() + 30_000));
    const tooSoon = await resumeBotTurns(restarted.ctx);
    restarted.clock.advance(60_000);
    const resumed = await resumeBotTurns(restarted.ctx);
    await restarted.ctx.tasks.drain();

    expect(repliesBeforeRestart).toBe(1);
    expect(tooSoon).toBe(0);
    expect(resumed).toBe(1);
    expect(twilio.messages.slice(1)).toHaveLength(1);
  });

  it('waits while another process holds the turn', async () => {
    await missCall();
    const conversation = await readConversation();
    await claimBotTurn(database.db, String(conversation.id), testApp.clock.now(), 5_000);

    const repliesWhileBusy = await text('my water heater is leaking');
    testApp.clock.advance(6_000);
    testApp.ctx.tasks.fireTimers();
    await testApp.ctx.tasks.drain();

    expect(repliesWhileBusy).toHaveLength(0);
    expect(twilio.messages.slice(1)).toHaveLength(1);
  });

  it('keeps details from texts taken by two processes at once', async () => {
    // A model that takes a moment keeps the first turn running while the second text arrives.
    const slowInterpreter: LeadInterpreter = {
      interpret: async () => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        return { ok: false, failure: 'timeout', message: 'slow model', elapsedMs: 300 };
      },
    };
    await startApp({ interpreter: slowInterpreter });
    const otherApp = await createTestApp({ db: database.db, fakeTwilioUrl: twilio.url, interpreter: slowInterpreter });
    await missCall();
    await text('my water heater is leaking');

    await testApp.postWebhook('/webhooks/twilio/sms', smsParams('this is Ana Ruiz'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await otherApp.postWebhook('/webhooks/twilio/sms', smsParams('60614'));
    for (let round = 0; round < 5; round += 1) {
      await Promise.all([testApp.ctx.tasks.drain(), otherApp.ctx.tasks.drain()]);
      testApp.ctx.tasks.fireTimers();
      otherApp.ctx.tasks.fireTimers();
    }

    const details = (await readConversation()).details as Record<string, unknown>;
    expect(details.name).toBe('Ana Ruiz');
    expect(details.zip).toBe('60614');
  });
});
