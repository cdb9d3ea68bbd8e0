import type { AppContext } from '../app-context.ts';
import { recordEvent } from '../events/event-repo.ts';
import type { User } from '../auth/user.ts';
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
 * the conversation to the user when nobody has it; handing back clears the assignee and a
 * `needs_human` outcome, so the bot answers the lead's next message.
 */
export async function changeHolder(ctx: AppContext, options: ChangeHolderOptions): Promise<void> {
  const { conversation, user, holder } = options;
  const isHandoffCleared = holder === 'bot' && conversation.outcome === 'needs_human';
  const changes: InboxChanges =
    holder === 'human'
      ? { holder, assigneeId: conversation.assigneeId ?? user.id }
      : {
          holder,
          assigneeId: null,
          outcome: isHandoffCleared ? null : conversation.outcome,
          outcomeReason: isHandoffCleared ? null : conversation.outcomeReason,
        };
  if (holder === conversation.holder && changes.assigneeId === conversation.assigneeId) {
    return;
  }
  await updateInboxConversation(ctx.db, conversation.id, changes);
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
