import { Agenda } from 'agenda';
import { PostgresBackend, PostgresJobRepository } from '@agendajs/postgres-backend';
import type { OpenDatabaseResult } from '../db/open-database.ts';
import { migrationLockKey } from '../db/open-database.ts';
import type { Logger } from '../lib/logger.ts';
import { createPglitePool } from './create-pglite-pool.ts';
import type { JobHandler, JobScheduler } from './job-scheduler.ts';

export interface CreateAgendaSchedulerOptions {
  client: OpenDatabaseResult['client'];
  log: Logger;
  /** The app's clock; due times are on it. */
  now: () => Date;
  /** Names this process in Agenda's `last_modified_by`, to tell workers apart. */
  workerName: string;
  /** How often to look for due jobs besides NOTIFY wake-ups, in milliseconds. */
  processEveryMs?: number;
  /** Jobs each process runs at once. */
  concurrency?: number;
}

/** Agenda's table; kept apart from Drizzle's migrations, which do not know it. */
const tableName = 'agenda_jobs';

/** A claimed job whose process died is taken over after this; our jobs finish in seconds. */
const lockLifetimeMs = 60_000;

/** How long `stop()` waits for running jobs; a job still running is taken over after its lock. */
const drainTimeoutMs = 15_000;

interface JobData {
  payload: Record<string, unknown>;
  /** ISO time on the app's clock. */
  dueAt: string;
}

/**
 * Creates a JobScheduler on Agenda 6.2.6 with @agendajs/postgres-backend 3.0.6, over the app's pool or,
 * on PGlite, over an adapter with the pool's surface. Agenda claims jobs with
 * `FOR UPDATE SKIP LOCKED`, so two processes sharing a database run each job once.
 */
export async function createAgendaScheduler(options: CreateAgendaSchedulerOptions): Promise<JobScheduler> {
  const pool = options.client.kind === 'postgres' ? options.client.pool : createPglitePool(options.client.pglite);
  await ensureJobSchema(options.client, pool);
  const backend = new PostgresBackend({ pool, tableName, ensureSchema: false });
  const agenda = new Agenda({
    backend,
    name: options.workerName,
    processEvery: options.processEveryMs ?? 5_000,
    defaultLockLifetime: lockLifetimeMs,
    defaultConcurrency: options.concurrency ?? 10,
    maxConcurrency: options.concurrency ?? 10,
    lockLimit: options.concurrency ?? 10,
    defaultLockLimit: options.concurrency ?? 10,
    removeOnComplete: true,
  });
  const log = options.log.child({ worker: options.workerName });
  // Agenda emits 'error' for a job cancelled just as it came due, and an unhandled 'error' event
  // crashes the process.
  agenda.on('error', (err) => log.warn({ err }, 'job scheduler error'));
  // A lost LISTEN connection (database restart, idle timeout) is emitted as 'error', which crashes
  // the process when no one listens. The channel reconnects itself, and polling finds due jobs meanwhile.
  backend.notificationChannel?.on('error', (err: unknown) => log.warn({ err }, 'job wake-up channel lost'));
  agenda.on('fail', (err: unknown, job: { attrs: { name: string; _id?: unknown } }) => {
    log.error({ err, job: job.attrs.name, jobId: String(job.attrs._id) }, 'job failed');
  });
  const names: string[] = [];
  let isStarted = false;

  const toRealTime = (dueAt: Date) => new Date(Date.now() + (dueAt.getTime() - options.now().getTime()));

  return {
    define: (name: string, handler: JobHandler) => {
      names.push(name);
      agenda.define<JobData>(name, async (job) => {
        await handler(job.attrs.data.payload);
      });
    },
    start: async () => {
      await agenda.start();
      isStarted = true;
      log.info({ names }, 'job scheduler started');
    },
    schedule: async (name, dueAt, payload) => {
      const job = await agenda.schedule<JobData>(toRealTime(dueAt), name, {
        payload,
        dueAt: dueAt.toISOString(),
      });
      return String(job.attrs._id);
    },
    cancel: async (jobIds) => {
      if (jobIds.length > 0) {
        await agenda.cancel({ ids: jobIds });
      }
    },
    runDueJobs: async () => {
      const now = options.now().getTime();
      const { jobs } = await agenda.queryJobs({ names, state: 'scheduled', limit: 10_000 });
      let count = 0;
      for (const job of jobs) {
        const data = job.data as JobData | undefined;
        if (!data || new Date(data.dueAt).getTime() > now) {
          continue;
        }
        // Replacing the job with one due at once keeps to Agenda's public API.
        await agenda.cancel({ id: String(job._id) });
        await agenda.now<JobData>(job.name, data);
        count += 1;
      }
      return count;
    },
    countDueJobs: async (at) => {
      const { jobs } = await agenda.queryJobs({ names, limit: 10_000 });
      return jobs.filter((job) => {
        const data = job.data as JobData | undefined;
        const isOpen = job.state !== 'completed' && job.state !== 'failed';
        return isOpen && data !== undefined && new Date(data.dueAt).getTime() <= at.getTime();
      }).length;
    },
    stop: async () => {
      if (isStarted) {
        // agenda.stop() unlocks running jobs without waiting for them; drain() waits first.
        const drained = await agenda.drain({ timeout: drainTimeoutMs });
        if (drained.timedOut) {
          log.warn({ running: drained.running }, 'jobs still running at shutdown');
        }
        isStarted = false;
        log.info('job scheduler stopped');
      }
    },
  };
}

/**
 * Creates Agenda's table and indexes. The backend's own schema step takes no lock, so on
 * PostgreSQL it runs under the advisory lock that migrations use, and two booting processes
 * take turns. PGlite serves one process only.
 */
async function ensureJobSchema(
  client: OpenDatabaseResult['client'],
  pool: ConstructorParameters<typeof PostgresJobRepository>[0]['pool'],
): Promise<void> {
  const repository = new PostgresJobRepository({ pool, tableName, ensureSchema: true });
  if (client.kind === 'pglite') {
    await repository.connect();
    return;
  }
  const lockClient = await client.pool.connect();
  try {
    await lockClient.query('SELECT pg_advisory_lock($1)', [migrationLockKey]);
    await repository.connect();
  } finally {
    await lockClient.query('SELECT pg_advisory_unlock($1)', [migrationLockKey]);
    lockClient.release();
  }
}
