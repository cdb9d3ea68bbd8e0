import type { AppContext } from '../app-context.ts';
import { recordWorkflowEvent } from './record-workflow-event.ts';
import type { WorkflowRun } from './workflow-run-repo.ts';
import { cancelScheduledSteps, endRun } from './workflow-run-repo.ts';

/** Stops a run for good: cancels its scheduled steps and their jobs, and logs the reason. */
export async function stopWorkflowRun(ctx: AppContext, run: WorkflowRun, reason: string): Promise<boolean> {
  const isStopped = await endRun(ctx.db, run.id, { status: 'stopped', reason, at: ctx.now() });
  if (!isStopped) {
    return false;
  }
  const jobIds = await cancelScheduledSteps(ctx.db, run.id, { reason: `run stopped: ${reason}`, at: ctx.now() });
  await ctx.automation?.jobs.cancel(jobIds);
  await recordWorkflowEvent(ctx, run, 'stopped', { reason });
  ctx.log.info({ businessId: run.businessId, conversationId: run.conversationId, runId: run.id, reason }, 'workflow stopped');
  return true;
}
