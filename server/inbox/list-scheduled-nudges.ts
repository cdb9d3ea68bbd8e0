import type { Database } from '../db/open-database.ts';
import {
  listRunsForConversation,
  listStepsForConversation,
} from '../workflows/workflow-run-repo.ts';

export interface ScheduledNudge {
  id: string;
  label: string;
  dueAt: Date;
  status: 'scheduled';
}

const stepLabels: Record<string, string> = {
  send_sms: 'Follow-up text',
  notify: 'Staff reminder',
  assign: 'Assignment',
  tag: 'Tag change',
};

/**
 * Lists the workflow steps still waiting to run for a conversation, soonest first, so staff
 * can see what the automation will send next. Only `businessId`'s runs are read.
 */
export async function listScheduledNudges(
  db: Database,
  businessId: string,
  conversationId: string,
): Promise<ScheduledNudge[]> {
  const [runs, steps] = await Promise.all([
    listRunsForConversation(db, conversationId),
    listStepsForConversation(db, conversationId),
  ]);
  const runNames = new Map(
    runs.filter((run) => run.businessId === businessId).map((run) => [run.id, run.definition.name]),
  );
  return steps
    .filter((step) => step.status === 'scheduled' && step.businessId === businessId)
    .flatMap((step) => {
      const runName = runNames.get(step.runId);
      if (runName === undefined) {
        return [];
      }
      const kind = stepLabels[step.type] ?? step.type.replace(/_/g, ' ');
      const label = `${kind} · ${runName}`;
      return [{ id: step.id, label, dueAt: step.dueAt, status: 'scheduled' as const }];
    })
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}
