import { fileURLToPath } from 'node:url';
import type { BotState, ReplyEngine } from '../../bot/engine/reply-engine.ts';
import type { Database } from '../../server/db/open-database.ts';
import type { FlowRegistry } from '../../server/flows/flow-registry.ts';
import type { Logger } from '../../server/lib/logger.ts';

export interface BenchEngine {
  flows: FlowRegistry;
  /** `flows` is the real engine; `stand-in` means the figures leave out the bot's own work. */
  kind: 'flows' | 'stand-in';
  /** Why the real engine could not be loaded, for the report. */
  loadError: string | null;
}

const flowsDir = fileURLToPath(new URL('../../flows', import.meta.url));

/**
 * Builds the flow registry as the server does, from the repository's flow files and with no
 * LLM interpreter. When that fails (while the bot is being changed, say), returns a stand-in
 * and the error, so the server can still be measured and the report names the engine that ran.
 */
export async function loadBenchEngine(db: Database, log: Logger): Promise<BenchEngine> {
  try {
    const { createFlowRegistry } = await import('../../server/flows/flow-registry.ts');
    const flows = await createFlowRegistry({ db, flowsDir, log, interpreter: null });
    return { flows, kind: 'flows', loadError: null };
  } catch (err) {
    const loadError = err instanceof Error ? err.message : String(err);
    return { flows: standInRegistry, kind: 'stand-in', loadError };
  }
}

/** The default flow's questions, asked in turn; the answer to the last one qualifies the lead. */
const standInSteps = ['need', 'ask_name', 'ask_zip', 'ask_time'];

/** Asks the default flow's questions without parsing the answers, one reply a turn. */
const standInEngine: ReplyEngine = {
  handleTurn: async (request) => {
    const stepIndex = standInSteps.indexOf(request.state?.stepId ?? 'need');
    const nextStepId = standInSteps[stepIndex + 1] ?? null;
    const state: BotState = {
      flowId: 'default',
      flowVersion: 'stand-in',
      stepId: nextStepId,
      slots: { ...request.state?.slots, [standInSteps[stepIndex] ?? 'need']: request.text },
      attempts: 0,
    };
    return {
      replies: [nextStepId ? `Thanks. Next question (${nextStepId})?` : 'Thanks, you are booked.'],
      state,
      outcome: nextStepId ? null : 'qualified',
      handoffReason: null,
      log: [],
    };
  },
};

const standInRegistry: FlowRegistry = {
  catalogFor: () => ({ current: new Map(), versions: new Map() }),
  engineFor: () => standInEngine,
  interpreter: null,
  register: () => undefined,
  refresh: async () => undefined,
};
