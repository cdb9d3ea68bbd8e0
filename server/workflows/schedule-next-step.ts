import type { AppContext } from '../app-context.ts';
import type { Business } from '../businesses/business.ts';
import { findHolidays } from '../settings/holiday-repo.ts';
import { workflowStepJob } from './automation.ts';
import { findBusinessOpenTime } from './find-business-open-time.ts';
import { findLeadTimeZone } from './find-lead-time-zone.ts';
import { findNextMorning } from './find-send-time.ts';
import { recordWorkflowEvent } from './record-workflow-event.ts';
import type { WorkflowRun } from './workflow-run-repo.ts';
import { endRun, insertStep, setStepJob } from './workflow-run-repo.ts';

export interface ScheduleNextStepOptions {
  run: WorkflowRun;
  business: Business;
  leadPhone: string;
  /** The first step to consider. */
  position: number;
  /** When the waits start counting, on the app's clock. */
  from: Date;
}

/**
 * Adds up the wait steps from `position` on and schedules the next step that does something at
 * the time they end. Completes the run when no such step is left.
 */
export async function scheduleNextStep(ctx: AppContext, options: ScheduleNextStepOptions): Promise<void> {
  const { run, business } = options;
  const steps = run.definition.steps;
  let dueAt = options.from;
  for (let position = options.position; position < steps.length; position += 1) {
    const step = steps[position];
    if (!step) {
      break;
    }
    if (step.type === 'wait') {
      dueAt = await endOfWait(ctx, step, dueAt, business, options.leadPhone);
      continue;
    }
    const stored = await insertStep(ctx.db, {
      runId: run.id,
      businessId: run.businessId,
      conversationId: run.conversationId,
      position,
      type: step.type,
      dueAt,
    });
    const jobId = await requireJobs(ctx).schedule(workflowStepJob, dueAt, { stepId: stored.id });
    await setStepJob(ctx.db, stored.id, jobId);
    await recordWorkflowEvent(ctx, run, 'step_scheduled', {
      stepId: stored.id,
      position,
      step: step.type,
      dueAt: dueAt.toISOString(),
    });
    return;
  }
  if (await endRun(ctx.db, run.id, { status: 'completed', reason: null, at: ctx.now() })) {
    await recordWorkflowEvent(ctx, run, 'completed');
  }
}

async function endOfWait(
  ctx: AppContext,
  step: Extract<WorkflowRun['definition']['steps'][number], { type: 'wait' }>,
  from: Date,
  business: Business,
  leadPhone: string,
): Promise<Date> {
  if (step.for !== undefined) {
    return new Date(from.getTime() + step.for);
  }
  if (step.until === 'next_morning') {
    const zone = findLeadTimeZone(leadPhone, business.phoneNumber, business.timeZone);
    return findNextMorning(from, zone, step.at);
  }
  const holidays = await findHolidays(ctx.db, business.id);
  return findBusinessOpenTime(from, { timeZone: business.timeZone, hours: business.hours, holidays });
}

export function requireJobs(ctx: AppContext) {
  if (!ctx.automation) {
    throw new Error('Workflows need the job scheduler, and AppContext.automation is not set');
  }
  return ctx.automation.jobs;
}
