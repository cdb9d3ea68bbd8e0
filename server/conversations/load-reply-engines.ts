import { createFlowEngine } from '../../bot/engine/create-flow-engine.ts';
import type { ReplyEngine } from '../../bot/engine/reply-engine.ts';
import { loadFlows } from '../../bot/flows/load-flows.ts';
import type { FlowProblem } from '../../bot/flows/flow-problem.ts';

/**
 * Returns the reply engine for a business's chosen flow. `businessId` selects the business's own
 * flows; factories built on the flow files alone ignore it.
 */
export type ReplyEngineFactory = (flowId: string, businessId: string) => ReplyEngine;

export interface LoadReplyEnginesResult {
  engineFor: ReplyEngineFactory;
  /** Flow files that were skipped because they are invalid. */
  problems: FlowProblem[];
}

/** Loads the flows folder once and builds engines on it; an invalid file skips only itself. */
export async function loadReplyEngines(options: { flowsDir: string }): Promise<LoadReplyEnginesResult> {
  const { catalog, problems } = await loadFlows(options.flowsDir);
  return {
    engineFor: (flowId) => createFlowEngine({ catalog, startFlowId: flowId }),
    problems,
  };
}
