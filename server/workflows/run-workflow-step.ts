import type { AppContext } from '../app-context.ts';
import { findBusinessById } from '../businesses/business-repo.ts';
import type { Business } from '../businesses/business.ts';
import { findContactById } from '../contacts/contact-repo.ts';
import type { Contact } from '../contacts/contact-repo.ts';
import { findConversationById } from '../conversations/conversation-repo.ts';
import type { Conversation } from '../conversations/conversation-repo.ts';
import { workflowStepJob } from './automation.ts';
import { findAutomationSettings } from './automation-settings.ts';
import type { AutomationSettings } from './automation-settings.ts';
import { findStopReason } from './find-stop-reason.ts';
import { performStep } from './perform-step.ts';
import { recordWorkflowEvent } from './record-workflow-event.ts';
import { requireJobs, scheduleNextStep } from './schedule-next-step.ts';
import { stopWorkflowRun } from './stop-workflow-run.ts';
import type { WorkflowRun, WorkflowStepRecord } from './workflow-run-repo.ts';
import { claimStep, deferStep, findRunById, finishStep, setStepJob } from './workflow-run-repo.ts';

/** Everything a step acts on, loaded fresh when the step comes due. */
export interface StepScope {
  run: WorkflowRun;
  step: WorkflowStepRecord;
  business: Business;
  conversation: Conversation;
  contact: Contact;
  settings: AutomationSettings;
}

/**
 * Runs one due workflow step; the job handler for `workflow-step`. Claiming the step first makes
 * a job delivered twice act once. Then the stop rules are checked, the step is done, deferred
 * (quiet hours, cooldown) or skipped with a reason, and the run's next step is scheduled.
 */
export async function runWorkflowStep(ctx: AppContext, stepId: string): Promise<void> {
  const step = await claimStep(ctx.db, stepId);
  if (!step) {
    return;
  }
  const scope = await loadScope(ctx, step);
  if (!scope) {
    await finishStep(ctx.db, step.id, { status: 'cancelled', reason: 'run_ended', at: ctx.now() });
    return;
  }
  const { run, settings } = scope;
  const now = ctx.now();
  // Another process's clock, or a job moved early, can run a step before its time.
  if (step.dueAt.getTime() > now.getTime() + 1_000) {
    await defer(ctx, scope, step.dueAt, step.reason ?? 'not_due');
    return;
  }
  const stopReason = await findStopReason(ctx.db, run, scope.conversation, scope.contact);
  if (stopReason) {
    await finishStep(ctx.db, step.id, { status: 'cancelled', reason: stopReason, at: now });
    await stopWorkflowRun(ctx, run, stopReason);
    return;
  }
  const lateMinutes = (now.getTime() - step.dueAt.getTime()) / 60_000;
  if (lateMinutes > settings.staleAfterMinutes) {
    await skip(ctx, scope, `stale: ${Math.round(lateMinutes)} minutes late, limit ${settings.staleAfterMinutes}`);
    return;
  }

  const outcome = await performStep(ctx, scope);
  if (outcome.kind === 'defer') {
    await defer(ctx, scope, outcome.until, outcome.reason);
    return;
  }
  if (outcome.kind === 'stop') {
    await finishStep(ctx.db, step.id, { status: 'cancelled', reason: outcome.reason, at: now });
    await stopWorkflowRun(ctx, run, outcome.reason);
    return;
  }
  if (outcome.kind === 'skip') {
    await skip(ctx, scope, outcome.reason);
    return;
  }
  await finishStep(ctx.db, step.id, { status: 'done', reason: null, at: now });
  await recordWorkflowEvent(ctx, run, outcome.event, { stepId: step.id, position: step.position, ...outcome.data });
  await scheduleNextStep(ctx, { run, business: scope.business, leadPhone: scope.contact.phone, position: step.position + 1, from: now });
}

async function loadScope(ctx: AppContext, step: WorkflowStepRecord): Promise<StepScope | null> {
  const run = await findRunById(ctx.db, step.runId);
  if (!run || run.status !== 'active') {
    return null;
  }
  const [business, conversation, contact, settings] = await Promise.all([
    findBusinessById(ctx.db, run.businessId),
    findConversationById(ctx.db, run.conversationId),
    findContactById(ctx.db, run.contactId),
    findAutomationSettings(ctx.db, run.businessId),
  ]);
  if (!business || !conversation || !contact) {
    return null;
  }
  return { run, step, business, conversation, contact, settings };
}

async function defer(ctx: AppContext, scope: StepScope, until: Date, reason: string): Promise<void> {
  await deferStep(ctx.db, scope.step.id, until, reason);
  const jobId = await requireJobs(ctx).schedule(workflowStepJob, until, { stepId: scope.step.id });
  await setStepJob(ctx.db, scope.step.id, jobId);
  await recordWorkflowEvent(ctx, scope.run, 'step_deferred', {
    stepId: scope.step.id,
    position: scope.step.position,
    step: scope.step.type,
    reason,
    dueAt: until.toISOString(),
  });
}

async function skip(ctx: AppContext, scope: StepScope, reason: string): Promise<void> {
  const now = ctx.now();
  await finishStep(ctx.db, scope.step.id, { status: 'skipped', reason, at: now });
  await recordWorkflowEvent(ctx, scope.run, 'step_skipped', {
    stepId: scope.step.id,
    position: scope.step.position,
    step: scope.step.type,
    reason,
  });
  await scheduleNextStep(ctx, {
    run: scope.run,
    business: scope.business,
    leadPhone: scope.contact.phone,
    position: scope.step.position + 1,
    from: now,
  });
}
