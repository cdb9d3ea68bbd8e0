import { buildMessageFields } from '../../bot/templates/build-message-fields.ts';
import type { AppContext } from '../app-context.ts';
import { renderTemplate } from '../../bot/templates/render-template.ts';
import { updateConversation } from '../conversations/conversation-repo.ts';
import { sendMessage } from '../messages/send-message.ts';
import { notifyTeamMember } from '../notifications/notify-team-member.ts';
import type { TeamMemberAddress } from '../notifications/notify-team-member.ts';
import { listUsers } from '../auth/user-repo.ts';
import { findLeadTimeZone } from './find-lead-time-zone.ts';
import { findSendTime } from './find-send-time.ts';
import type { StepScope } from './run-workflow-step.ts';
import { startWorkflowRun } from './start-workflow-run.ts';
import { stopWorkflowRun } from './stop-workflow-run.ts';
import { listBusinessWorkflows } from './list-business-workflows.ts';
import type { WorkflowStep } from './workflow-definition.ts';
import { findContactTags, listActiveRuns, listAutomatedTextTimes, saveContactTags } from './workflow-run-repo.ts';

export type StepOutcome =
  | { kind: 'done'; event: string; data: Record<string, unknown> }
  | { kind: 'defer'; until: Date; reason: string }
  | { kind: 'skip'; reason: string }
  | { kind: 'stop'; reason: string };

type ActionStep = Exclude<WorkflowStep, { type: 'wait' }>;

/** Does what one step says, or returns why it must wait, be skipped or stop the run. */
export async function performStep(ctx: AppContext, scope: StepScope): Promise<StepOutcome> {
  const step = scope.run.definition.steps[scope.step.position] as ActionStep | undefined;
  if (!step) {
    return { kind: 'skip', reason: 'the step no longer exists' };
  }
  switch (step.type) {
    case 'send_sms':
      return sendWorkflowSms(ctx, scope, step.template);
    case 'notify':
      return notify(ctx, scope, step);
    case 'assign':
      return assign(ctx, scope, step.to);
    case 'tag':
      return tag(ctx, scope, step.add, step.remove);
    case 'add_to_sequence':
    case 'remove_from_sequence':
      return changeSequence(ctx, scope, step.type, step.workflow);
  }
}

async function sendWorkflowSms(ctx: AppContext, scope: StepScope, template: string): Promise<StepOutcome> {
  const { business, contact, settings } = scope;
  const now = ctx.now();
  const zone = findLeadTimeZone(contact.phone, business.phoneNumber, business.timeZone);
  const sendAt = findSendTime(now, zone, settings.sendWindow);
  if (sendAt.getTime() > now.getTime()) {
    return { kind: 'defer', until: sendAt, reason: `quiet_hours (${zone})` };
  }
  const recent = await listAutomatedTextTimes(ctx.db, contact.id, new Date(now.getTime() - 86_400_000));
  const latest = recent[0];
  const cooldownEnds = latest ? latest.getTime() + settings.cooldownMinutes * 60_000 : 0;
  if (cooldownEnds > now.getTime()) {
    return { kind: 'defer', until: findSendTime(new Date(cooldownEnds), zone, settings.sendWindow), reason: 'cooldown' };
  }
  if (recent.length >= settings.dailyTextCap) {
    return { kind: 'skip', reason: `daily_cap: ${recent.length} automated texts in 24 hours` };
  }
  const body = renderTemplate(template, buildMessageFields({ business, contact }));
  const sent = await sendMessage(ctx, {
    business,
    conversationId: scope.conversation.id,
    contactId: contact.id,
    body,
    author: 'bot',
  });
  if (!sent.ok) {
    return sent.reason === 'opted_out' ? { kind: 'stop', reason: 'opted_out' } : { kind: 'skip', reason: sent.reason };
  }
  await updateConversation(ctx.db, scope.conversation.id, { lastMessageAt: now });
  return { kind: 'done', event: 'sms_sent', data: { messageId: sent.message.id } };
}

async function notify(
  ctx: AppContext,
  scope: StepScope,
  step: Extract<ActionStep, { type: 'notify' }>,
): Promise<StepOutcome> {
  const member = await findTeamMember(ctx, scope, step.to);
  if (!member) {
    return { kind: 'skip', reason: step.to === 'on_call' ? 'no on-call person is set' : 'the conversation has no assignee' };
  }
  const message = renderTemplate(step.message, buildMessageFields(scope));
  const channels = await notifyTeamMember(ctx, {
    business: scope.business,
    conversationId: scope.conversation.id,
    member,
    channels: step.channels,
    kind: `workflow:${scope.run.workflowKey}`,
    message: scope.conversation.summary ? `${message} ${scope.conversation.summary}` : message,
    mailer: ctx.automation?.mailer ?? null,
  });
  return { kind: 'done', event: 'staff_notified', data: { member: member.name, channels } };
}

async function findTeamMember(ctx: AppContext, scope: StepScope, to: 'on_call' | 'assignee'): Promise<TeamMemberAddress | null> {
  if (to === 'on_call') {
    return scope.settings.onCall;
  }
  const assigneeId = scope.conversation.assigneeId;
  const user = assigneeId ? (await listUsers(ctx.db, scope.business.id)).find((candidate) => candidate.id === assigneeId) : null;
  if (!user) {
    return null;
  }
  const onCall = scope.settings.onCall;
  const phone = onCall?.userId === user.id ? onCall.phone : null;
  return { name: user.name, phone, email: user.email };
}

async function assign(ctx: AppContext, scope: StepScope, to: string): Promise<StepOutcome> {
  const userId = to === 'on_call' ? scope.settings.onCall?.userId : to;
  const users = userId ? await listUsers(ctx.db, scope.business.id) : [];
  const user = users.find((candidate) => candidate.id === userId);
  if (!user) {
    return { kind: 'skip', reason: 'the user to assign is not on the team' };
  }
  await updateConversation(ctx.db, scope.conversation.id, { assigneeId: user.id });
  return { kind: 'done', event: 'assigned', data: { userId: user.id } };
}

async function tag(ctx: AppContext, scope: StepScope, add: string[], remove: string[]): Promise<StepOutcome> {
  const current = await findContactTags(ctx.db, scope.contact.id);
  const next = [...new Set([...current, ...add])].filter((name) => !remove.includes(name));
  await saveContactTags(ctx.db, scope.contact.id, next);
  return { kind: 'done', event: 'tagged', data: { added: add, removed: remove } };
}

async function changeSequence(
  ctx: AppContext,
  scope: StepScope,
  type: 'add_to_sequence' | 'remove_from_sequence',
  key: string,
): Promise<StepOutcome> {
  if (type === 'remove_from_sequence') {
    const runs = await listActiveRuns(ctx.db, scope.conversation.id);
    for (const run of runs.filter((candidate) => candidate.workflowKey === key)) {
      await stopWorkflowRun(ctx, run, `removed by workflow ${scope.run.workflowKey}`);
    }
    return { kind: 'done', event: 'sequence_removed', data: { sequence: key } };
  }
  const workflows = await listBusinessWorkflows(ctx.db, scope.business.id, ctx.automation?.fileWorkflows ?? []);
  const target = workflows.find((workflow) => workflow.definition.key === key);
  if (!target) {
    return { kind: 'skip', reason: `no workflow "${key}"` };
  }
  const started = await startWorkflowRun(ctx, scope.conversation, target.definition, `workflow:${scope.run.workflowKey}`);
  return { kind: 'done', event: 'sequence_added', data: { sequence: key, status: started.status } };
}
