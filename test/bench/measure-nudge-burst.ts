import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import pg from 'pg';
import type { AppContext } from '../../server/app-context.ts';
import { createBusiness } from '../../server/businesses/business-repo.ts';
import { businessInputSchema } from '../../server/businesses/business.ts';
import { openDatabase } from '../../server/db/open-database.ts';
import type { OpenDatabaseResult } from '../../server/db/open-database.ts';
import { createAgendaScheduler } from '../../server/jobs/create-agenda-scheduler.ts';
import { BackgroundTasks } from '../../server/lib/background-tasks.ts';
import { loadConfig } from '../../server/lib/config.ts';
import { KeyedQueue } from '../../server/lib/keyed-queue.ts';
import { createLogger } from '../../server/lib/logger.ts';
import { createTwilioProvider } from '../../server/providers/twilio-provider.ts';
import { silentHub } from '../../server/realtime/realtime-hub.ts';
import { workflowStepJob } from '../../server/workflows/automation.ts';
import { runWorkflowStep } from '../../server/workflows/run-workflow-step.ts';
import { workflowDefinitionSchema } from '../../server/workflows/workflow-definition.ts';
import { benchSettings } from './bench-settings.ts';
import { startBenchTwilio } from './start-bench-twilio.ts';

export interface NudgeBurstOptions {
  nudgeCount: number;
  /** Jobs each worker runs at once. */
  concurrency: number;
  /** How often each worker polls for due jobs, in milliseconds. */
  processEveryMs: number;
  /** Worker processes sharing the database; each is an Agenda instance in this process. */
  workerCount: number;
  databaseUrl: string | null;
  timeoutMs: number;
}

export interface NudgeBurstResult {
  database: 'pglite' | 'postgres';
  nudgeCount: number;
  workerCount: number;
  concurrency: number;
  processEveryMs: number;
  /** Time to store the runs, steps and Agenda jobs, in milliseconds. */
  scheduleMs: number;
  /** From the moment all nudges were due until the fake Twilio API had received the last one. */
  drainMs: number;
  nudgesPerSecond: number;
  sent: number;
  duplicates: number;
}

/**
 * Stores `nudgeCount` workflow runs whose one `send_sms` step is due at the same moment, with
 * one Agenda job each, then starts the workers and times until every nudge has reached a local
 * fake of Twilio's Messages API. Each nudge goes the whole way: claim, stop rules, quiet hours,
 * cooldown and cap, `sendMessage`, the event log.
 */
export async function measureNudgeBurst(options: NudgeBurstOptions): Promise<NudgeBurstResult> {
  const database = await openNudgeDatabase(options.databaseUrl);
  const twilio = await startBenchTwilio();
  const ctx = createBenchContext(database.opened, twilio.url);
  try {
    const businessId = await seedBusinessAwake(ctx);
    const scheduleStart = performance.now();
    const dueAt = new Date(Date.now() + 60_000);
    const stepIds = await insertDueSteps(ctx, businessId, options.nudgeCount, dueAt);
    const scheduler = await createAgendaScheduler({
      client: database.opened.client,
      log: ctx.log,
      now: ctx.now,
      workerName: 'bench-scheduler',
    });
    for (const stepId of stepIds) {
      await scheduler.schedule(workflowStepJob, dueAt, { stepId });
    }
    const scheduleMs = performance.now() - scheduleStart;

    const workers = [];
    for (let index = 0; index < options.workerCount; index += 1) {
      const worker = await createAgendaScheduler({
        client: database.opened.client,
        log: ctx.log,
        now: ctx.now,
        workerName: `bench-worker-${index}`,
        processEveryMs: options.processEveryMs,
        concurrency: options.concurrency,
      });
      worker.define(workflowStepJob, async (payload) => {
        await runWorkflowStep(ctx, String(payload.stepId));
      });
      workers.push(worker);
    }
    ctx.automation = { jobs: scheduler, mailer: null, fileWorkflows: [] };
    await Promise.all(workers.map((worker) => worker.start()));
    await waitUntil(dueAt.getTime());
    const dueMoment = performance.now();
    const sentBefore = twilio.receivedCount();
    const quiet = await twilio.waitForQuiet(5_000, options.timeoutMs);
    const sent = twilio.receivedCount() - sentBefore;
    const drainMs = (quiet.lastReceivedAt ?? dueMoment) - dueMoment;
    await Promise.all(workers.map((worker) => worker.stop()));
    const duplicates = await countDuplicateNudges(ctx);
    return {
      database: database.kind,
      nudgeCount: options.nudgeCount,
      workerCount: options.workerCount,
      concurrency: options.concurrency,
      processEveryMs: options.processEveryMs,
      scheduleMs: Math.round(scheduleMs),
      drainMs: Math.round(drainMs),
      nudgesPerSecond: Math.round((sent / drainMs) * 1000),
      sent,
      duplicates,
    };
  } finally {
    await twilio.close();
    await database.close();
  }
}

function createBenchContext(opened: OpenDatabaseResult, fakeTwilioUrl: string): AppContext {
  const config = loadConfig({
    PUBLIC_BASE_URL: benchSettings.publicBaseUrl,
    LOG_LEVEL: 'silent',
    TWILIO_ACCOUNT_SID: benchSettings.accountSid,
    TWILIO_AUTH_TOKEN: benchSettings.authToken,
    TWILIO_API_BASE_URL: fakeTwilioUrl,
  });
  if (config.provider.kind !== 'twilio') {
    throw new Error('The bench config did not select the Twilio provider');
  }
  const log = createLogger(config.logLevel);
  return {
    config,
    db: opened.db,
    log,
    provider: createTwilioProvider({ ...config.provider, log }),
    engineFor: () => {
      throw new Error('The nudge bench runs no bot turns');
    },
    flows: undefined as unknown as AppContext['flows'],
    tasks: new BackgroundTasks(log),
    turns: new KeyedQueue(),
    realtime: silentHub,
    now: () => new Date(),
  };
}

/** Seeds a business in a time zone where it is now mid-day, so quiet hours do not hold nudges. */
async function seedBusinessAwake(ctx: AppContext): Promise<string> {
  const zones = ['America/Chicago', 'Europe/London', 'Asia/Tokyo', 'Asia/Kolkata', 'Pacific/Honolulu', 'America/Sao_Paulo'];
  const timeZone = zones.find((zone) => {
    const hour = DateTime.now().setZone(zone).hour;
    return hour >= 10 && hour < 18;
  }) ?? 'America/Chicago';
  const business = await createBusiness(
    ctx.db,
    businessInputSchema.parse({
      name: 'Rivera Plumbing',
      phoneNumber: benchSettings.businessNumber,
      timeZone,
      openingMessage: 'Hi, {{business.name}} here.',
    }),
  );
  return business.id;
}

const benchWorkflow = workflowDefinitionSchema.parse({
  key: 'bench-nudge',
  name: 'Bench nudge',
  trigger: 'manual',
  steps: [{ type: 'send_sms', template: 'Hi {{contact.first_name | "there"}}, still need a hand from {{business.name}}?' }],
});

/** Inserts the contacts, conversations, runs and due steps in bulk with SQL. */
async function insertDueSteps(ctx: AppContext, businessId: string, count: number, dueAt: Date): Promise<string[]> {
  const startedAt = new Date(dueAt.getTime() - 3 * 3_600_000).toISOString();
  await ctx.db.execute(sql`
    INSERT INTO contacts (business_id, phone)
    SELECT ${businessId}::uuid, '+1555' || lpad(n::text, 7, '0') FROM generate_series(1, ${count}) AS n`);
  await ctx.db.execute(sql`
    INSERT INTO conversations (business_id, contact_id) SELECT business_id, id FROM contacts`);
  await ctx.db.execute(sql`
    INSERT INTO workflow_runs (business_id, conversation_id, contact_id, workflow_key, definition, trigger, started_at)
    SELECT business_id, id, contact_id, 'bench-nudge', ${JSON.stringify(benchWorkflow)}::jsonb, 'manual', ${startedAt}::timestamptz
    FROM conversations`);
  await ctx.db.execute(sql`
    INSERT INTO workflow_steps (run_id, business_id, conversation_id, position, type, due_at)
    SELECT id, business_id, conversation_id, 0, 'send_sms', ${dueAt.toISOString()}::timestamptz FROM workflow_runs`);
  const rows = await ctx.db.execute(sql`SELECT id FROM workflow_steps`);
  const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as Array<{ id: string }>;
  return list.map((row) => row.id);
}

async function countDuplicateNudges(ctx: AppContext): Promise<number> {
  const rows = await ctx.db.execute(sql`
    SELECT count(*)::int AS duplicates FROM (
      SELECT conversation_id FROM messages WHERE direction = 'outbound' GROUP BY conversation_id HAVING count(*) > 1
    ) AS repeated`);
  const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as Array<{ duplicates: number }>;
  return list[0]?.duplicates ?? 0;
}

function waitUntil(time: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, time - Date.now())));
}

async function openNudgeDatabase(serverUrl: string | null) {
  if (!serverUrl) {
    const opened = await openDatabase({ url: null, dataDir: null });
    return { opened, kind: 'pglite' as const, close: opened.close };
  }
  const name = `textback_bench_${randomBytes(6).toString('hex')}`;
  await runAdminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const opened = await openDatabase({ url: url.toString(), dataDir: null });
  return {
    opened,
    kind: 'postgres' as const,
    close: async () => {
      await opened.close();
      await runAdminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function runAdminQuery(serverUrl: string, query: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}
