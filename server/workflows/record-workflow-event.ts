import type { AppContext } from '../app-context.ts';
import { recordEvent } from '../events/event-repo.ts';
import type { WorkflowRun } from './workflow-run-repo.ts';

/**
 * Records a workflow event in the conversation's event log, with the time on the app's clock,
 * so owners see each step scheduled, sent, deferred or skipped and why.
 */
export async function recordWorkflowEvent(
  ctx: AppContext,
  run: WorkflowRun,
  type: string,
  data: Record<string, unknown> = {},
): Promise<void> {
  await recordEvent(ctx.db, {
    businessId: run.businessId,
    conversationId: run.conversationId,
    type: `workflow.${type}`,
    data: { workflow: run.workflowKey, runId: run.id, at: ctx.now().toISOString(), ...data },
  });
  ctx.realtime.publish(run.businessId, 'conversation:updated', { conversationId: run.conversationId });
}
