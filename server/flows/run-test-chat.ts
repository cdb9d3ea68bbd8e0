import { addOutcomeToSummary } from '../../bot/engine/build-lead-summary.ts';
import { createFlowEngine } from '../../bot/engine/create-flow-engine.ts';
import type { BotState, ConversationContext, TurnResult } from '../../bot/engine/reply-engine.ts';
import { createFlowCatalog } from '../../bot/flows/flow-catalog.ts';
import type { FlowCatalog } from '../../bot/flows/flow-catalog.ts';
import type { FlowProblem } from '../../bot/flows/flow-problem.ts';
import { findBusinessById } from '../businesses/business-repo.ts';
import type { Database } from '../db/open-database.ts';
import type { FlowRegistry } from './flow-registry.ts';
import { validateFlowSource } from './validate-flow-source.ts';

export interface TestChatInput {
  /**
   * A stored flow to try, looked up among the templates and `businessId`'s own flows; ignored
   * when `source` is given.
   */
  flowId?: string;
  /** An unsaved flow to try, as YAML. */
  source?: string;
  /** The business whose name, booking link, time zone and hours fill the replies. */
  businessId?: string;
  /** The state the previous turn returned; null starts a new test conversation. */
  state: BotState | null;
  text: string;
  mediaCount?: number;
}

export type TestChatResult =
  | { ok: true; turn: TurnResult & { summary: string } }
  | { ok: false; code: 'invalid'; problems: FlowProblem[] }
  | { ok: false; code: 'not_found' | 'bad_request'; message: string };

/** The business a test chat uses when none is named. */
const sampleBusiness: ConversationContext['business'] = {
  name: 'Sample Business',
  phoneNumber: '+15555550100',
  bookingLink: 'https://example.com/book',
  timeZone: 'America/Chicago',
};
const testContact = { phone: '+15555550123', name: null, email: null };

/**
 * Runs one turn of a flow as a lead would see it, without storing a conversation or sending a
 * text. The caller keeps the returned state and passes it to the next turn, so a test chat
 * stays on the flow version it started on, like a real conversation.
 */
export async function runTestChat(
  deps: { db: Database; flows: FlowRegistry; now: () => Date },
  input: TestChatInput,
): Promise<TestChatResult> {
  let catalog: FlowCatalog;
  let startFlowId: string;
  if (input.source !== undefined) {
    const validated = validateFlowSource(input.source);
    if (!validated.valid) {
      return { ok: false, code: 'invalid', problems: validated.problems };
    }
    catalog = createFlowCatalog([validated.flow]);
    startFlowId = validated.flow.id;
  } else if (input.flowId !== undefined) {
    await deps.flows.refresh(input.businessId ?? null);
    catalog = deps.flows.catalogFor(input.businessId ?? null);
    startFlowId = input.flowId;
    if (!catalog.current.has(startFlowId)) {
      return { ok: false, code: 'not_found', message: `Flow "${startFlowId}" not found` };
    }
  } else {
    return { ok: false, code: 'bad_request', message: 'Give either flowId or source' };
  }

  let business = sampleBusiness;
  if (input.businessId !== undefined) {
    const found = await findBusinessById(deps.db, input.businessId);
    if (found === null) {
      return { ok: false, code: 'not_found', message: 'Business not found' };
    }
    const { name, phoneNumber, bookingLink, timeZone, hours } = found;
    business = { name, phoneNumber, bookingLink, timeZone, hours };
  }

  const engine = createFlowEngine({ catalog, startFlowId, interpreter: deps.flows.interpreter });
  const turn = await engine.handleTurn({
    text: input.text,
    mediaCount: input.mediaCount ?? 0,
    state: input.state,
    context: { business, contact: testContact, now: deps.now() },
  });
  const reason = turn.handoffReason ?? turn.discardReason ?? null;
  const summary = addOutcomeToSummary(turn.summary ?? '', turn.outcome, reason);
  return { ok: true, turn: { ...turn, summary } };
}
