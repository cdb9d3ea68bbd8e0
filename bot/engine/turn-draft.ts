import type { Flow } from '../flows/flow.ts';
import { commitmentKey, findCommitments } from '../guardrails/find-commitments.ts';
import { guardReply } from '../guardrails/guard-reply.ts';
import { listAllowedCommitments } from '../guardrails/list-allowed-commitments.ts';
import { buildLeadSummary } from './build-lead-summary.ts';
import type { StepResult } from '../steps/step-result.ts';
import type {
  BotLogEntry,
  BotOutcome,
  ConversationContext,
  SlotValue,
  TurnResult,
} from './reply-engine.ts';

/** The turn as the runner builds it up; `toTurnResult` makes it the result the server gets. */
export interface TurnDraft {
  replies: string[];
  slots: Record<string, SlotValue>;
  log: BotLogEntry[];
  stepId: string | null;
  attempts: number;
  outcome: BotOutcome | null;
  handoffReason: string | null;
  discardReason: string | null;
  /**
   * True while staff have handed the finished conversation back to the bot. It is kept in the
   * state only when the turn neither reached an outcome nor resumed the flow.
   */
  isHandedBack: boolean;
}

/** Adds a step's replies, slot updates and log entries to the draft, and applies a finish. */
export function applyStepResult(draft: TurnDraft, result: StepResult): void {
  draft.replies.push(...result.replies);
  Object.assign(draft.slots, result.slotUpdates);
  draft.log.push(...result.log);
  if (result.transition.kind === 'wait') {
    draft.stepId = result.transition.stepId;
  }
  if (result.transition.kind === 'finish') {
    draft.stepId = null;
    draft.attempts = 0;
    draft.outcome = result.transition.outcome;
    draft.handoffReason = result.transition.handoffReason;
    draft.discardReason = result.transition.discardReason ?? null;
  }
}

/** Runs each reply through the guardrails and returns the result for the server. */
export function toTurnResult(
  draft: TurnDraft,
  flow: Flow,
  context: ConversationContext,
): TurnResult {
  const replies: string[] = [];
  const log = [...draft.log];
  // The business name is the owner's own words too ("Guaranteed Rooter").
  const fromName = findCommitments(context.business.name).map((found) => commitmentKey(found.text));
  const allowedCommitments = new Set([...listAllowedCommitments(flow), ...fromName]);
  for (const reply of draft.replies) {
    const guarded = guardReply(reply, {
      bookingLink: context.business.bookingLink,
      maxSegments: flow.settings.max_segments,
      allowedCommitments,
      stepId: draft.stepId ?? undefined,
    });
    log.push(...guarded.log);
    if (guarded.text !== null) {
      replies.push(guarded.text);
    }
  }
  const isStillHandedBack = draft.isHandedBack && draft.stepId === null && draft.outcome === null;
  return {
    replies,
    state: {
      flowId: flow.id,
      flowVersion: flow.hash,
      stepId: draft.stepId,
      slots: draft.slots,
      attempts: draft.attempts,
      ...(isStillHandedBack ? { isHandedBack: true } : {}),
    },
    outcome: draft.outcome,
    handoffReason: draft.handoffReason,
    discardReason: draft.discardReason,
    summary: buildLeadSummary(flow, draft.slots),
    log,
  };
}
