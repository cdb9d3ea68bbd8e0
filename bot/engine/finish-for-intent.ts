import type { Flow } from '../flows/flow.ts';
import type { LeadIntent } from '../understanding/detect-lead-intent.ts';
import type { TurnDraft } from './turn-draft.ts';
import { applyStepResult } from './turn-draft.ts';

const intentOutcomes = {
  human_request: { outcome: 'needs_human', reason: 'Lead asked for a person' },
  wrong_number: { outcome: 'discarded', reason: 'Wrong number' },
  not_interested: { outcome: 'discarded', reason: 'Not interested' },
  spam: { outcome: 'discarded', reason: 'Spam' },
} as const;

/**
 * Ends the bot's part for a request that overrides the flow, with the matching reply.
 * `reasonOverride` replaces the standard reason, such as for a handoff the model asked for.
 */
export function finishForIntent(
  intent: LeadIntent,
  flow: Flow,
  draft: TurnDraft,
  render: (template: string) => string,
  stepId: string | undefined,
  reasonOverride: string | null = null,
): void {
  const { outcome } = intentOutcomes[intent];
  const reason = reasonOverride ?? intentOutcomes[intent].reason;
  // Answering spam only confirms that someone reads the number, so it gets no reply.
  const replies = intent === 'spam' ? [] : [render(flow.settings.messages[intent])];
  applyStepResult(draft, {
    replies,
    slotUpdates: {},
    log: [{ level: 'info', message: `Lead intent: ${intent.replace('_', ' ')}`, stepId }],
    transition: {
      kind: 'finish',
      outcome,
      handoffReason: outcome === 'needs_human' ? reason : null,
      discardReason: outcome === 'discarded' ? reason : null,
    },
  });
}
