import type { AppContext } from '../app-context.ts';
import { findBusinessById } from '../businesses/business-repo.ts';
import { findContactById } from '../contacts/contact-repo.ts';
import type { Conversation } from '../conversations/conversation-repo.ts';
import { recordWorkflowEvent } from './record-workflow-event.ts';
import { scheduleNextStep } from './schedule-next-step.ts';
import type { WorkflowDefinition } from './workflow-definition.ts';
import type { WorkflowRun } from './workflow-run-repo.ts';
import { insertRun } from './workflow-run-repo.ts';

export type StartWorkflowRunResult =
  | { status: 'started'; run: WorkflowRun }
  | { status: 'already_running' | 'not_found' };

/**
 * Starts a workflow for a conversation and schedules its first step. A conversation runs each
 * workflow at most once at a time; a second start while one is active does nothing.
 */
export async function startWorkflowRun(
  ctx: AppContext,
  conversation: Conversation,
  definition: WorkflowDefinition,
  trigger: string,
): Promise<StartWorkflowRunResult> {
  const [business, contact] = await Promise.all([
    findBusinessById(ctx.db, conversation.businessId),
    findContactById(ctx.db, conversation.contactId),
  ]);
  if (!business || !contact) {
    return { status: 'not_found' };
  }
  const run = await insertRun(ctx.db, {
    businessId: conversation.businessId,
    conversationId: conversation.id,
    contactId: conversation.contactId,
    workflowKey: definition.key,
    definition,
    trigger,
    startedAt: ctx.now(),
  });
  if (!run) {
    return { status: 'already_running' };
  }
  await recordWorkflowEvent(ctx, run, 'started', { trigger });
  ctx.log.info(
    { businessId: run.businessId, conversationId: run.conversationId, runId: run.id, workflow: run.workflowKey },
    'workflow started',
  );
  // `no_reply` is a wait for the lead's silence before the first step.
  const silenceMs = definition.trigger.event === 'no_reply' ? (definition.trigger.after ?? 0) : 0;
  await scheduleNextStep(ctx, {
    run,
    business,
    leadPhone: contact.phone,
    position: 0,
    from: new Date(run.startedAt.getTime() + silenceMs),
  });
  return { status: 'started', run };
}
