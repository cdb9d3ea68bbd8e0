import type { Flow } from '../flows/flow.ts';
import { detectLeadIntent } from '../understanding/detect-lead-intent.ts';
import { isAcknowledgement } from '../understanding/is-acknowledgement.ts';
import { readOtherSlots } from './read-other-slots.ts';
import type { ConversationContext } from './reply-engine.ts';
import type { TurnDraft } from './turn-draft.ts';

/**
 * Handles a message that arrives after the flow ended. A correction of a collected slot
 * ("actually make it Thursday") updates it and is acknowledged; a plain "thanks" gets no reply;
 * anything else goes to a person, because the bot has no question left to ask.
 */
export function handleAfterEnd(
  text: string,
  flow: Flow,
  draft: TurnDraft,
  context: ConversationContext,
  render: (template: string) => string,
): void {
  const isAskingForPerson = detectLeadIntent(text) === 'human_request';
  const others = isAskingForPerson ? null : readOtherSlots(text, flow, draft.slots, context, null);
  if (others !== null && others.corrected.length > 0) {
    Object.assign(draft.slots, others.updates);
    draft.replies.push(render(flow.settings.messages.updated));
    const message = `Updated slots ${others.corrected.join(', ')} after the flow ended`;
    draft.log.push({ level: 'info', message });
    return;
  }
  if (!isAskingForPerson && isAcknowledgement(text)) {
    draft.log.push({ level: 'info', message: 'Lead acknowledged after the flow ended, no reply' });
    return;
  }
  const reason = isAskingForPerson ? 'Lead asked for a person' : 'Lead wrote after the flow ended';
  const replyName = isAskingForPerson ? 'human_request' : 'handoff';
  draft.replies.push(render(flow.settings.messages[replyName]));
  draft.log.push({ level: 'info', message: reason });
  draft.outcome = 'needs_human';
  draft.handoffReason = reason;
}
