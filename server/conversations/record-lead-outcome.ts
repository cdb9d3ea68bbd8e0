import { addOutcomeToSummary } from '../../bot/engine/build-lead-summary.ts';
import type { BotOutcome, TurnResult } from '../../bot/engine/reply-engine.ts';
import type { AppContext } from '../app-context.ts';
import { listUsers } from '../auth/user-repo.ts';
import type { Contact } from '../contacts/contact-repo.ts';
import { notifyStaff } from '../notifications/notify-staff.ts';
import { updateConversation } from './conversation-repo.ts';
import type { Conversation } from './conversation-repo.ts';

/**
 * Stores the bot's lead summary after a turn and, when the turn hands the lead to a person,
 * assigns the conversation to the business's first owner (unless someone has it) and notifies
 * staff with the lead's name or number, the reason and the details collected so far.
 */
export async function recordLeadOutcome(
  ctx: AppContext,
  conversation: Conversation,
  contact: Contact,
  result: TurnResult,
): Promise<void> {
  const outcome = result.outcome ?? (conversation.outcome as BotOutcome | null);
  const reason = result.handoffReason ?? result.discardReason ?? null;
  const summary = addOutcomeToSummary(result.summary ?? '', outcome, result.outcome ? reason : null);
  if (result.outcome !== 'needs_human') {
    await updateConversation(ctx.db, conversation.id, { summary });
    return;
  }

  const owner = conversation.assigneeId === null ? await findFirstOwner(ctx, conversation) : null;
  const assigneeId = conversation.assigneeId ?? owner?.id ?? null;
  await updateConversation(ctx.db, conversation.id, { summary, assigneeId });
  await notifyStaff(ctx, {
    businessId: conversation.businessId,
    conversationId: conversation.id,
    kind: 'lead_needs_human',
    message: describeHandoff(contact, result, reason),
  });
}

/**
 * Writes the handoff notification: "Ana needs a person: Lead reported an emergency. Details:
 * basement is flooding · urgency: emergency". The name is left out of the details because it
 * already opens the sentence.
 */
function describeHandoff(contact: Contact, result: TurnResult, reason: string | null): string {
  const slotName = result.state.slots.name;
  const name = typeof slotName === 'string' && slotName !== '' ? slotName : contact.name;
  const reasonSentence = endSentence(reason ?? 'No reason given');
  const sentence = `${name ?? contact.phone} needs a person: ${reasonSentence}`;
  const details = (result.summary ?? '')
    .split(' · ')
    .filter((part) => part !== '' && part !== name)
    .join(' · ');
  return details === '' ? sentence : `${sentence} Details: ${details}`;
}

function endSentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

async function findFirstOwner(ctx: AppContext, conversation: Conversation) {
  const users = await listUsers(ctx.db, conversation.businessId);
  return users.find((user) => user.role === 'owner') ?? users[0] ?? null;
}
