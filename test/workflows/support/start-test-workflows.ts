import path from 'node:path';
import { createAgendaScheduler } from '../../../server/jobs/create-agenda-scheduler.ts';
import type { JobScheduler } from '../../../server/jobs/job-scheduler.ts';
import type { Mailer } from '../../../server/notifications/smtp-mailer.ts';
import { startAutomation } from '../../../server/workflows/start-automation.ts';
import { countDueSteps } from '../../../server/workflows/workflow-run-repo.ts';
import type { TestApp } from '../../support/test-app.ts';
import type { TestDatabase } from '../../support/test-database.ts';
import { flowsDir } from '../../support/test-engine.ts';

export const workflowsDir = path.join(flowsDir, 'workflows');

export interface TestWorkflows {
  jobs: JobScheduler;
  /** Runs every job due on the test clock and waits until the work it started is done. */
  settle: () => Promise<void>;
  stop: () => Promise<void>;
}

/** Starts the real Agenda scheduler and the repository's workflows on a test app. */
export async function startTestWorkflows(
  testApp: TestApp,
  database: TestDatabase,
  options: { mailer?: Mailer | null; workerName?: string } = {},
): Promise<TestWorkflows> {
  const jobs = await createAgendaScheduler({
    client: database.client,
    log: testApp.ctx.log,
    now: testApp.ctx.now,
    workerName: options.workerName ?? 'test-worker',
    processEveryMs: 200,
  });
  await startAutomation(testApp.ctx, { jobs, mailer: options.mailer ?? null, workflowsDir });
  const settle = () => settleJobs(testApp, jobs);
  return { jobs, settle, stop: () => jobs.stop() };
}

/** Bounded: a test that needs more rounds than this has a job that keeps rescheduling itself. */
const maxRounds = 200;

export async function settleJobs(testApp: TestApp, jobs: JobScheduler): Promise<void> {
  for (let round = 0; round < maxRounds; round += 1) {
    await testApp.ctx.tasks.drain();
    const promoted = await jobs.runDueJobs();
    const due = await countDueSteps(testApp.ctx.db, testApp.ctx.now());
    if (promoted === 0 && due === 0 && (await countPendingJobs(jobs, testApp)) === 0) {
      await testApp.ctx.tasks.drain();
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`Jobs did not settle after ${maxRounds} rounds`);
}

async function countPendingJobs(jobs: JobScheduler, testApp: TestApp): Promise<number> {
  return jobs.countDueJobs(testApp.ctx.now());
}
