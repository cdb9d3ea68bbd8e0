import type { AppContext } from '../app-context.ts';
import { findContactById } from '../contacts/contact-repo.ts';
import { findConversationById } from '../conversations/conversation-repo.ts';
import type { DomainEvent } from './domain-event.ts';
import { findStopReason } from './find-stop-reason.ts';
import { listBusinessWorkflows } from './list-business-workflows.ts';
import { startWorkflowRun } from './start-workflow-run.ts';
import { stopWorkflowRun } from './stop-workflow-run.ts';
import type { WorkflowDefinition } from './workflow-definition.ts';
import { listActiveRuns } from './workflow-run-repo.ts';

/**
 * Lets workflows react to a domain event: stops the conversation's runs whose stop rules now
 * match, then starts the business's workflows triggered by it. Does nothing when workflows are
 * off. Never throws, so a workflow problem cannot fail the webhook or turn that reported it.
 */
export async function publishDomainEvent(ctx: AppContext, event: DomainEvent): Promise<void> {
  const automation = ctx.automation;
  if (!automation) {
    return;
  }
  try {
    await stopMatchingRuns(ctx, event);
    const workflows = await listBusinessWorkflows(ctx.db, event.businessId, automation.fileWorkflows);
    const conversation = await findConversationById(ctx.db, event.conversationId);
    if (!conversation) {
      return;
    }
    for (const { definition } of workflows) {
      if (isTriggeredBy(definition, event)) {
        await startWorkflowRun(ctx, conversation, definition, event.type);
      }
    }
  } catch (err) {
    ctx.log.error(
      { err, businessId: event.businessId, conversationId: event.conversationId, event: event.type },
      'workflows failed to handle an event',
    );
  }
}

async function stopMatchingRuns(ctx: AppContext, event: DomainEvent): Promise<void> {
  const runs = await listActiveRuns(ctx.db, event.conversationId);
  if (runs.length === 0) {
    return;
  }
  const conversation = await findConversationById(ctx.db, event.conversationId);
  const contact = conversation ? await findContactById(ctx.db, conversation.contactId) : null;
  if (!conversation || !contact) {
    return;
  }
  for (const run of runs) {
    const reason = await findStopReason(ctx.db, run, conversation, contact);
    if (reason) {
      await stopWorkflowRun(ctx, run, reason);
    }
  }
}

function isTriggeredBy(definition: WorkflowDefinition, event: DomainEvent): boolean {
  if (!definition.enabled) {
    return false;
  }
  const trigger = definition.trigger;
  if (trigger.event === 'no_reply') {
    return event.type === 'text_back_sent';
  }
  if (trigger.event !== event.type) {
    return false;
  }
  if (trigger.event === 'handed_to_human' && trigger.when) {
    return trigger.when.some((kind) => matchesHandoff(kind, event.reason ?? ''));
  }
  return true;
}

/** Reads the bot's free-text hand-off reason, such as "Lead reported an emergency". */
function matchesHandoff(kind: 'urgent' | 'asked_for_person', reason: string): boolean {
  if (kind === 'urgent') {
    return /emergenc|urgent|flood|leak|no heat|gas/i.test(reason);
  }
  return /person|human|someone|call me|talk to/i.test(reason);
}
