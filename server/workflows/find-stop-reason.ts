import { and, eq, gt } from 'drizzle-orm';
import type { Contact } from '../contacts/contact-repo.ts';
import type { Conversation } from '../conversations/conversation-repo.ts';
import type { Database } from '../db/open-database.ts';
import { messages } from '../db/schema.ts';
import type { WorkflowRun } from './workflow-run-repo.ts';
import { findContactTags } from './workflow-run-repo.ts';

/**
 * Returns why a run must stop before its next step, or null to go on. Checks the workflow's stop
 * conditions (replied, booked, opted out, human took over, closed), then the owner's removal
 * rules. Opting out stops every workflow that sends texts, whatever its conditions say.
 */
export async function findStopReason(
  db: Database,
  run: WorkflowRun,
  conversation: Conversation,
  contact: Contact,
): Promise<string | null> {
  const conditions = new Set(run.definition.stop_when);
  const sendsTexts = run.definition.steps.some((step) => step.type === 'send_sms');
  if (contact.isOptedOut && (conditions.has('opted_out') || sendsTexts)) {
    return 'opted_out';
  }
  if (conditions.has('closed') && conversation.status === 'closed') {
    return 'closed';
  }
  if (conditions.has('human_took_over') && conversation.holder === 'human') {
    return 'human_took_over';
  }
  if (conditions.has('replied') && (await listInboundTexts(db, conversation.id, run.startedAt)).length > 0) {
    return 'replied';
  }
  if (conditions.has('booked') && conversation.bookedAt !== null) {
    return 'booked';
  }
  return findRemovalRule(db, run, conversation, contact);
}

async function findRemovalRule(
  db: Database,
  run: WorkflowRun,
  conversation: Conversation,
  contact: Contact,
): Promise<string | null> {
  const rules = run.definition.remove_when;
  if (rules.length === 0) {
    return null;
  }
  const tags = await findContactTags(db, contact.id);
  const texts = (await listInboundTexts(db, conversation.id, null)).map((text) => text.toLowerCase());
  for (const [index, rule] of rules.entries()) {
    if (rule.has_tag && tags.includes(rule.has_tag)) {
      return `removal_rule_${index + 1}: tag ${rule.has_tag}`;
    }
    const phrase = rule.message_contains?.find((candidate) =>
      texts.some((text) => text.includes(candidate.toLowerCase())),
    );
    if (phrase) {
      return `removal_rule_${index + 1}: message contains "${phrase}"`;
    }
    if (rule.outcome && conversation.outcome && (rule.outcome as string[]).includes(conversation.outcome)) {
      return `removal_rule_${index + 1}: outcome ${conversation.outcome}`;
    }
  }
  return null;
}

/** The lead's texts in the conversation, after `since` when given (on the app's clock). */
async function listInboundTexts(db: Database, conversationId: string, since: Date | null): Promise<string[]> {
  const where = since
    ? and(eq(messages.conversationId, conversationId), eq(messages.direction, 'inbound'), gt(messages.createdAt, since))
    : and(eq(messages.conversationId, conversationId), eq(messages.direction, 'inbound'));
  const rows = await db.select({ body: messages.body }).from(messages).where(where).limit(200);
  return rows.map((row) => row.body);
}
