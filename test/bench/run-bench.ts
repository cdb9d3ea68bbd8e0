import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { BackgroundTasks } from '../../server/lib/background-tasks.ts';
import type { BenchResults } from './bench-results.ts';
import { formatResultsTable } from './format-results-table.ts';
import { measureInboundThroughput } from './measure-inbound-throughput.ts';
import { measureTextBackLatency } from './measure-text-back-latency.ts';
import { openBenchDatabase } from './open-bench-database.ts';
import { startBenchApp } from './start-bench-app.ts';
import type { BenchApp } from './start-bench-app.ts';
import { startBenchTwilio } from './start-bench-twilio.ts';
import type { BenchTwilio } from './start-bench-twilio.ts';
import { startPlainServer } from './start-plain-server.ts';

const textBackSettings = { callCount: 400, warmupCallCount: 20, concurrency: 10 };
const loadSettings = { connections: 10, durationSeconds: 10, leadCount: 1000 };
/** Bounds the wait for bot replies still due when the SMS load stops. */
const replyWaitTimeoutMs = 30_000;
/** Bounds the wait for background tasks at shutdown. */
const stopTimeoutMs = 10_000;
const resultsUrl = new URL('./results/latest.json', import.meta.url);

/**
 * Measures, in one process on one machine: missed-call text-back latency, inbound SMS webhook
 * throughput, and a plain Express route as the baseline. Uses in-memory PGlite, or a fresh
 * database on the PostgreSQL server in BENCH_DATABASE_URL.
 */
export async function runBench(databaseUrl: string | null): Promise<BenchResults> {
  const startedAt = new Date().toISOString();
  const loadAverageAtStart = os.loadavg();
  const database = await openBenchDatabase(databaseUrl);
  const twilio = await startBenchTwilio();
  try {
    const app = await startBenchApp(database.db, twilio.url);
    if (app.engine.loadError) {
      progress(`the flow engine failed to load, so a stand-in answers: ${app.engine.loadError}`);
    }
    let measured: AppMeasurements;
    try {
      measured = await measureApp(app, twilio);
    } finally {
      await app.close();
      await stopWithTimeout(app.ctx.tasks);
    }
    return {
      startedAt,
      command: describeCommand(databaseUrl),
      database: database.kind,
      engine: app.engine,
      machine: describeMachine(loadAverageAtStart),
      loadSettings,
      ...measured,
    };
  } finally {
    await twilio.close();
    await database.close();
  }
}

type AppMeasurements = Pick<BenchResults, 'textBack' | 'inboundSms' | 'baseline'>;

async function measureApp(app: BenchApp, twilio: BenchTwilio): Promise<AppMeasurements> {
  progress(`text-back latency: ${textBackSettings.callCount} missed calls`);
  const textBack = await measureTextBackLatency({
    appUrl: app.url,
    twilio,
    tasks: app.ctx.tasks,
    ...textBackSettings,
    timeoutMs: 5_000,
    maxDurationMs: 45_000,
  });
  await app.ctx.tasks.drain();

  progress(`inbound SMS webhooks: ${loadSettings.durationSeconds} s`);
  const sentBefore = twilio.receivedCount();
  const sms = await measureInboundThroughput({
    url: app.url,
    path: '/webhooks/twilio/sms',
    ...loadSettings,
  });
  const loadEndedAt = performance.now();
  const repliesSentDuringRun = twilio.receivedCount() - sentBefore;
  // Bot turns wait for the lead to pause (the reply batch window) on timers that
  // BackgroundTasks.drain() does not wait for, so the wait watches the replies themselves.
  const replyBatchWindowMs = app.ctx.config.replyBatchWindowMs;
  const quiet = await twilio.waitForQuiet(replyBatchWindowMs + 1_000, replyWaitTimeoutMs);
  await app.ctx.tasks.drain();
  const lastReplyAt = quiet.lastReceivedAt ?? loadEndedAt;
  const inboundSms = {
    ...sms,
    replyBatchWindowMs,
    repliesSentDuringRun,
    repliesSentInTotal: twilio.receivedCount() - sentBefore,
    lastReplySeconds: Math.max(0, lastReplyAt - loadEndedAt) / 1000,
    hasReplyWaitTimedOut: quiet.hasTimedOut,
  };

  progress(`baseline: ${loadSettings.durationSeconds} s`);
  const plain = await startPlainServer();
  try {
    const baseline = await measureInboundThroughput({
      url: plain.url,
      path: '/plain',
      ...loadSettings,
    });
    return { textBack: { ...textBack, settings: textBackSettings }, inboundSms, baseline };
  } finally {
    await plain.close();
  }
}

/** Cancels delayed background tasks and waits for running ones, for at most `stopTimeoutMs`. */
async function stopWithTimeout(tasks: BackgroundTasks): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      progress(`background tasks were still running after ${stopTimeoutMs} ms at shutdown`);
      resolve();
    }, stopTimeoutMs);
  });
  await Promise.race([tasks.stop(), timeout]);
  clearTimeout(timer);
}

function describeMachine(loadAverageAtStart: number[]): BenchResults['machine'] {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpuCount: cpus.length,
    totalMemoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverageAtStart: loadAverageAtStart.map(roundLoad),
    loadAverageAtEnd: os.loadavg().map(roundLoad),
  };
}

function roundLoad(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Returns the command that reproduces this run, with any database password masked. */
function describeCommand(databaseUrl: string | null): string {
  if (!databaseUrl) {
    return 'npm run bench';
  }
  const url = new URL(databaseUrl);
  if (url.password) {
    url.password = '***';
  }
  return `BENCH_DATABASE_URL=${url.toString()} npm run bench`;
}

function progress(step: string): void {
  process.stderr.write(`bench: ${step}\n`);
}

const results = await runBench(process.env.BENCH_DATABASE_URL || null);
mkdirSync(new URL('./', resultsUrl), { recursive: true });
writeFileSync(resultsUrl, `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`${formatResultsTable(results)}\n\n`);
process.stdout.write(`Results written to ${resultsUrl.pathname}\n`);
