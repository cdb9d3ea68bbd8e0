import { and, asc, count, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/open-database.ts';
import { contacts, conversations, workflowRuns, workflowSteps } from '../db/schema.ts';
import type { WorkflowDefinition } from './workflow-definition.ts';

export interface WorkflowRun {
  id: string;
  businessId: string;
  conversationId: string;
  contactId: string;
  workflowKey: string;
  definition: WorkflowDefinition;
  trigger: string;
  status: 'active' | 'completed' | 'stopped';
  stopReason: string | null;
  startedAt: Date;
  endedAt: Date | null;
}

export type StepStatus = 'scheduled' | 'running' | 'done' | 'skipped' | 'cancelled';

export interface WorkflowStepRecord {
  id: string;
  runId: string;
  businessId: string;
  conversationId: string;
  position: number;
  type: string;
  status: StepStatus;
  dueAt: Date;
  reason: string | null;
  jobId: string | null;
  finishedAt: Date | null;
  createdAt: Date;
}

type NewRun = Pick<WorkflowRun, 'businessId' | 'conversationId' | 'contactId' | 'workflowKey' | 'definition' | 'trigger' | 'startedAt'>;

/** Inserts a run; returns null when the conversation already has an active run of this workflow. */
export async function insertRun(db: Database, run: NewRun): Promise<WorkflowRun | null> {
  const rows = await db.insert(workflowRuns).values(run).onConflictDoNothing().returning();
  return rows[0] ? toRun(rows[0]) : null;
}

export async function findRunById(db: Database, id: string): Promise<WorkflowRun | null> {
  const rows = await db.select().from(workflowRuns).where(eq(workflowRuns.id, id)).limit(1);
  return rows[0] ? toRun(rows[0]) : null;
}

export async function listActiveRuns(db: Database, conversationId: string): Promise<WorkflowRun[]> {
  const rows = await db
    .select()
    .from(workflowRuns)
    .where(and(eq(workflowRuns.conversationId, conversationId), eq(workflowRuns.status, 'active')));
  return rows.map(toRun);
}

export async function listRunsForConversation(db: Database, conversationId: string): Promise<WorkflowRun[]> {
  const rows = await db
    .select()
    .from(workflowRuns)
    .where(eq(workflowRuns.conversationId, conversationId))
    .orderBy(asc(workflowRuns.startedAt))
    .limit(200);
  return rows.map(toRun);
}

/** Ends an active run; returns false when it had already ended. */
export async function endRun(
  db: Database,
  id: string,
  end: { status: 'completed' | 'stopped'; reason: string | null; at: Date },
): Promise<boolean> {
  const rows = await db
    .update(workflowRuns)
    .set({ status: end.status, stopReason: end.reason, endedAt: end.at })
    .where(and(eq(workflowRuns.id, id), eq(workflowRuns.status, 'active')))
    .returning({ id: workflowRuns.id });
  return rows.length === 1;
}

type NewStep = Pick<WorkflowStepRecord, 'runId' | 'businessId' | 'conversationId' | 'position' | 'type' | 'dueAt'>;

export async function insertStep(db: Database, step: NewStep): Promise<WorkflowStepRecord> {
  const rows = await db.insert(workflowSteps).values(step).returning();
  return toStep(rows[0] as typeof workflowSteps.$inferSelect);
}

export async function setStepJob(db: Database, id: string, jobId: string): Promise<void> {
  await db.update(workflowSteps).set({ jobId }).where(eq(workflowSteps.id, id));
}

/** Moves a scheduled step to running; only one caller wins, which makes a step run once. */
export async function claimStep(db: Database, id: string): Promise<WorkflowStepRecord | null> {
  const rows = await db
    .update(workflowSteps)
    .set({ status: 'running' })
    .where(and(eq(workflowSteps.id, id), eq(workflowSteps.status, 'scheduled')))
    .returning();
  return rows[0] ? toStep(rows[0]) : null;
}

export async function findStepById(db: Database, id: string): Promise<WorkflowStepRecord | null> {
  const rows = await db.select().from(workflowSteps).where(eq(workflowSteps.id, id)).limit(1);
  return rows[0] ? toStep(rows[0]) : null;
}

export async function finishStep(
  db: Database,
  id: string,
  finish: { status: 'done' | 'skipped' | 'cancelled'; reason: string | null; at: Date },
): Promise<void> {
  await db
    .update(workflowSteps)
    .set({ status: finish.status, reason: finish.reason, finishedAt: finish.at })
    .where(eq(workflowSteps.id, id));
}

/** Puts a running step back on the schedule at a later time, with the reason it waits. */
export async function deferStep(db: Database, id: string, dueAt: Date, reason: string): Promise<void> {
  await db
    .update(workflowSteps)
    .set({ status: 'scheduled', dueAt, reason, jobId: null })
    .where(eq(workflowSteps.id, id));
}

/** Cancels a run's scheduled steps and returns their job ids. */
export async function cancelScheduledSteps(
  db: Database,
  runId: string,
  cancel: { reason: string; at: Date },
): Promise<string[]> {
  const rows = await db
    .update(workflowSteps)
    .set({ status: 'cancelled', reason: cancel.reason, finishedAt: cancel.at })
    .where(and(eq(workflowSteps.runId, runId), eq(workflowSteps.status, 'scheduled')))
    .returning({ jobId: workflowSteps.jobId });
  return rows.flatMap((row) => (row.jobId ? [row.jobId] : []));
}

export async function listStepsForConversation(db: Database, conversationId: string): Promise<WorkflowStepRecord[]> {
  const rows = await db
    .select()
    .from(workflowSteps)
    .where(eq(workflowSteps.conversationId, conversationId))
    .orderBy(asc(workflowSteps.createdAt), asc(workflowSteps.position))
    .limit(500);
  return rows.map(toStep);
}

/** Steps still scheduled or running that were due by `at`; tests wait for these to settle. */
export async function countDueSteps(db: Database, at: Date): Promise<number> {
  const rows = await db
    .select({ value: count() })
    .from(workflowSteps)
    .where(
      and(
        inArray(workflowSteps.status, ['scheduled', 'running']),
        sql`${workflowSteps.dueAt} <= ${at.toISOString()}::timestamptz`,
      ),
    );
  return Number(rows[0]?.value ?? 0);
}

/**
 * Times of automated texts a contact got after `since`: workflow texts, and the latest text back
 * of each of the contact's conversations. Times are on the app's clock.
 */
export async function listAutomatedTextTimes(db: Database, contactId: string, since: Date): Promise<Date[]> {
  const stepRows = await db
    .select({ at: workflowSteps.finishedAt })
    .from(workflowSteps)
    .innerJoin(conversations, eq(conversations.id, workflowSteps.conversationId))
    .where(
      and(
        eq(conversations.contactId, contactId),
        eq(workflowSteps.type, 'send_sms'),
        eq(workflowSteps.status, 'done'),
        gt(workflowSteps.finishedAt, since),
      ),
    )
    .limit(100);
  const textBackRows = await db
    .select({ at: conversations.lastTextBackAt })
    .from(conversations)
    .where(and(eq(conversations.contactId, contactId), gt(conversations.lastTextBackAt, since)));
  return [...stepRows, ...textBackRows]
    .flatMap((row) => (row.at ? [row.at] : []))
    .sort((left, right) => right.getTime() - left.getTime());
}

export async function findContactTags(db: Database, contactId: string): Promise<string[]> {
  const rows = await db.select({ tags: contacts.tags }).from(contacts).where(eq(contacts.id, contactId)).limit(1);
  return rows[0]?.tags ?? [];
}

export async function saveContactTags(db: Database, contactId: string, tags: string[]): Promise<void> {
  await db.update(contacts).set({ tags, updatedAt: new Date() }).where(eq(contacts.id, contactId));
}

function toRun(row: typeof workflowRuns.$inferSelect): WorkflowRun {
  return { ...row, definition: row.definition as WorkflowDefinition };
}

function toStep(row: typeof workflowSteps.$inferSelect): WorkflowStepRecord {
  return row;
}
