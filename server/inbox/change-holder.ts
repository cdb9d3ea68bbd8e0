import type { AppContext } from '../app-context.ts';
import { recordEvent } from '../events/event-repo.ts';
import type { User } from '../auth/user.ts';
import { claimUnreadForBot } from '../messages/message-repo.ts';
import { updateInboxConversation } from './inbox-conversation-repo.ts';
import type { InboxChanges, InboxConversation } from './inbox-conversation-repo.ts';

export interface ChangeHolderOptions {
  conversation: InboxConversation;
  user: User;
  holder: 'bot' | 'human';
}

/**
 * Takes a conversation over for staff, or hands it back to the bot. While staff hold it the
 * bot answers nothing (`runBotTurn` checks the holder before each reply). Taking over assigns
 * the conversation to the user when nobody has it. Handing back clears the assignee and a
 * `needs_human` or `discarded` outcome, so the bot answers the lead's next message, and marks a
 * finished flow as handed back so that message does not go straight back to staff.
 */
export async function changeHolder(ctx: AppContext, options: ChangeHolderOptions): Promise<void> {
  const { conversation, user, holder } = options;
  const changes: InboxChanges =
    holder === 'human'
      ? { holder, assigneeId: conversation.assigneeId ?? user.id }
      : { holder, assigneeId: null, ...findHandBackChanges(conversation) };
  if (holder === conversation.holder && changes.assigneeId === conversation.assigneeId) {
    return;
  }
  await updateInboxConversation(ctx.db, conversation.id, changes);
  if (holder === 'bot') {
    // Staff have read and handled what the lead sent while they held the conversation.
    await claimUnreadForBot(ctx.db, conversation.id, ctx.now());
  }
  await recordEvent(ctx.db, {
    businessId: conversation.businessId,
    conversationId: conversation.id,
    type: holder === 'human' ? 'staff.took_over' : 'staff.handed_back',
    data: { userId: user.id, userName: user.name },
  });
  ctx.log.info(
    { businessId: conversation.businessId, conversationId: conversation.id, userId: user.id, holder },
    holder === 'human' ? 'conversation taken over by staff' : 'conversation handed back to the bot',
  );
  ctx.realtime.publish(conversation.businessId, 'conversation:updated', {
    conversationId: conversation.id,
  });
}

function findHandBackChanges(conversation: InboxConversation): InboxChanges {
  const isOutcomeCleared =
    conversation.outcome === 'needs_human' || conversation.outcome === 'discarded';
  const botState = conversation.botState;
  return {
    outcome: isOutcomeCleared ? null : conversation.outcome,
    outcomeReason: isOutcomeCleared ? null : conversation.outcomeReason,
    attentionReason: null,
    botState: botState?.stepId === null ? { ...botState, isHandedBack: true } : botState,
  };
}
