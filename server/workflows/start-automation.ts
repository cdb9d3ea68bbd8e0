import type { AppContext } from '../app-context.ts';
import type { JobScheduler } from '../jobs/job-scheduler.ts';
import type { Mailer } from '../notifications/smtp-mailer.ts';
import { delayedTextBackJob, workflowStepJob } from './automation.ts';
import { runDelayedTextBack } from './delay-text-back.ts';
import { loadWorkflowFiles } from './load-workflow-files.ts';
import { runWorkflowStep } from './run-workflow-step.ts';

export interface StartAutomationOptions {
  jobs: JobScheduler;
  mailer: Mailer | null;
  /** The folder of workflow files, normally `flows/workflows`. */
  workflowsDir: string;
}

/**
 * Turns workflows on for `ctx`: loads the workflow files, defines the job handlers and starts
 * the scheduler, which then also runs the jobs that came due while the server was down.
 */
export async function startAutomation(ctx: AppContext, options: StartAutomationOptions): Promise<void> {
  const fileWorkflows = await loadWorkflowFiles(options.workflowsDir, ctx.log);
  ctx.automation = { jobs: options.jobs, mailer: options.mailer, fileWorkflows };
  options.jobs.define(workflowStepJob, async (payload) => {
    await runWorkflowStep(ctx, String(payload.stepId));
  });
  options.jobs.define(delayedTextBackJob, async (payload) => {
    await runDelayedTextBack(ctx, String(payload.callId));
  });
  await options.jobs.start();
  ctx.log.info({ workflows: fileWorkflows.map((workflow) => workflow.key) }, 'workflows started');
}
