import { createFlowEngine } from '../../../bot/engine/create-flow-engine.ts';
import type {
  BotState,
  ConversationContext,
  TurnResult,
} from '../../../bot/engine/reply-engine.ts';
import type { FlowCatalog } from '../../../bot/flows/flow-catalog.ts';
import { createTestContext } from './test-context.ts';

/** Sends each message in turn, carrying the state forward, and returns every turn's result. */
export async function runConversation(
  catalog: FlowCatalog,
  startFlowId: string,
  messages: string[],
  context: ConversationContext = createTestContext(),
): Promise<TurnResult[]> {
  const engine = createFlowEngine({ catalog, startFlowId });
  const results: TurnResult[] = [];
  let state: BotState | null = null;
  for (const text of messages) {
    const result = await engine.handleTurn({ text, state, context });
    results.push(result);
    state = result.state;
  }
  return results;
}

export function lastOf(results: TurnResult[]): TurnResult {
  const last = results.at(-1);
  if (last === undefined) {
    throw new Error('No turns were run');
  }
  return last;
}
