import type { JobScheduler } from '../jobs/job-scheduler.ts';
import type { Mailer } from '../notifications/smtp-mailer.ts';
import type { WorkflowDefinition } from './workflow-definition.ts';

/** What workflows need at run time; `AppContext.automation` holds it when workflows are on. */
export interface Automation {
  jobs: JobScheduler;
  /** Sends staff e-mail; null when SMTP is not configured, so e-mail notifications are skipped. */
  mailer: Mailer | null;
  /** Workflows from `flows/workflows/`, which every business gets unless it overrides them. */
  fileWorkflows: WorkflowDefinition[];
}

/** Job names; each payload is `{ stepId }` or `{ callId }`. */
export const workflowStepJob = 'workflow-step';
export const delayedTextBackJob = 'delayed-text-back';
