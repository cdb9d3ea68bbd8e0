import type { Flow } from '../flows/flow.ts';
import type { LeadHints } from '../llm/check-lead-reading.ts';
import { detectLeadIntent } from '../understanding/detect-lead-intent.ts';
import { isAcknowledgement } from '../understanding/is-acknowledgement.ts';
import { readOtherSlots } from './read-other-slots.ts';
import { readSlotsBeforeHandoff } from './read-slots-before-handoff.ts';
import type { ConversationContext } from './reply-engine.ts';
import type { TurnDraft } from './turn-draft.ts';

export interface AfterEndMessage {
  text: string;
  /** True when the lead sent a picture or other media without text. */
  isMediaOnly: boolean;
  hints: LeadHints | null;
}

/**
 * Handles a message that arrives after the flow ended. A correction of a collected slot
 * ("actually make it Thursday") updates it and is acknowledged; a plain "thanks" gets no reply;
 * anything else, a picture included, goes to a person, because the bot has no question left.
 */
export function handleAfterEnd(
  message: AfterEndMessage,
  flow: Flow,
  draft: TurnDraft,
  context: ConversationContext,
  render: (template: string) => string,
): void {
  const { text, isMediaOnly } = message;
  const intent = detectLeadIntent(text) ?? message.hints?.intent ?? null;
  const isAskingForPerson = intent === 'human_request';
  const others = isAskingForPerson ? null : readOtherSlots(text, flow, draft.slots, context, null);
  if (others !== null && others.corrected.length > 0) {
    Object.assign(draft.slots, others.updates);
    draft.replies.push(render(flow.settings.messages.updated));
    const entry = `Updated slots ${others.corrected.join(', ')} after the flow ended`;
    draft.log.push({ level: 'info', message: entry });
    return;
  }
  if (!isAskingForPerson && !isMediaOnly && isAcknowledgement(text)) {
    draft.log.push({ level: 'info', message: 'Lead acknowledged after the flow ended, no reply' });
    return;
  }
  let reason = 'Lead wrote after the flow ended';
  let reply = render(flow.settings.messages.handoff);
  if (isAskingForPerson) {
    readSlotsBeforeHandoff(text, message.hints, flow, draft, context);
    reason = 'Lead asked for a person';
    reply = render(flow.settings.messages.human_request);
  } else if (isMediaOnly) {
    reason = 'Lead sent a picture after the flow ended';
    reply = render(flow.settings.messages.media_received);
  }
  draft.replies.push(reply);
  draft.log.push({ level: 'info', message: reason });
  draft.outcome = 'needs_human';
  draft.handoffReason = reason;
}
