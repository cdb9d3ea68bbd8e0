import type { Flow } from '../flows/flow.ts';
import type { LeadHints } from '../llm/check-lead-reading.ts';
import { detectLeadIntent } from '../understanding/detect-lead-intent.ts';
import { isAcknowledgement } from '../understanding/is-acknowledgement.ts';
import { matchFaq } from '../understanding/match-faq.ts';
import type { HandbackResume } from './find-handback-resume.ts';
import { readOtherSlots } from './read-other-slots.ts';
import { readSlotsBeforeHandoff } from './read-slots-before-handoff.ts';
import type { ConversationContext } from './reply-engine.ts';
import type { TurnDraft } from './turn-draft.ts';

export interface AfterEndMessage {
  text: string;
  /** True when the lead sent a picture or other media without text. */
  isMediaOnly: boolean;
  hints: LeadHints | null;
  /** The end the flow reaches, set only after staff handed the finished conversation back. */
  handback: Extract<HandbackResume, { kind: 'finished' }> | null;
}

/**
 * Handles a message that arrives after the flow ended. A correction of a collected slot
 * ("actually make it Thursday") updates it and is acknowledged; a plain "thanks" gets no reply;
 * anything else, a picture included, goes to a person, because the bot has no question left.
 * After staff handed the conversation back, the bot first answers an FAQ question and, on a
 * flow that ends with the booking link, sends that text again once before involving a person.
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
  const handback = message.handback;
  if (handback !== null && !isAskingForPerson && !isMediaOnly) {
    const faq = matchFaq(text, flow.faq)?.entry ?? message.hints?.faq ?? null;
    if (faq !== null) {
      draft.replies.push(render(faq.answer));
      draft.log.push({ level: 'info', message: 'Answered an FAQ after a hand back' });
      return;
    }
    if (handback.outcome === 'qualified' && handback.reply !== null) {
      draft.replies.push(handback.reply);
      draft.log.push({ level: 'info', message: 'Sent the booking text again after a hand back' });
      draft.outcome = 'qualified';
      return;
    }
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
