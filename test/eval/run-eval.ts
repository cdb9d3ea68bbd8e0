import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFlowEngine } from '../../bot/engine/create-flow-engine.ts';
import type { BotState, ConversationContext, TurnResult } from '../../bot/engine/reply-engine.ts';
import type { FlowCatalog } from '../../bot/flows/flow-catalog.ts';
import { formatFlowProblem } from '../../bot/flows/flow-problem.ts';
import { loadFlows } from '../../bot/flows/load-flows.ts';
import { createOpenAiInterpreter } from '../../bot/llm/create-openai-interpreter.ts';
import type { LeadInterpreter } from '../../bot/llm/lead-interpreter.ts';
import { loadConfig } from '../../server/lib/config.ts';
import { formatEvalReport } from './format-eval-report.ts';
import { loadCorpus } from './load-corpus.ts';
import type { EvalCase } from './load-corpus.ts';
import { scoreCase } from './score-case.ts';
import type { CaseScore } from './score-case.ts';

/** Every slot must be read right in at least this share of the cases that name it, rules only. */
const minSlotAccuracy = 0.9;

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// Tuesday, March 4, 2025 at 10:30 in Chicago; the corpus's expected dates count from here.
const context: ConversationContext = {
  business: {
    name: 'Ace Plumbing',
    phoneNumber: '+13125550100',
    bookingLink: 'https://book.example.com/ace',
    timeZone: 'America/Chicago',
  },
  contact: { phone: '+13125550142', name: null, email: null },
  now: new Date('2025-03-04T16:30:00Z'),
};

/**
 * Runs the corpus through the bot with the rules only and, when OPENAI_API_KEY is set, again
 * with the model. Prints per-slot and per-outcome accuracy; `--failures` also lists every miss.
 * Exits with 1 when a slot's rules-only accuracy is below 90%.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const showFailures = process.argv.includes('--failures');
  const { catalog, problems } = await loadFlows(path.join(rootDir, 'flows'));
  if (problems.length > 0) {
    throw new Error(`invalid flows: ${problems.map(formatFlowProblem).join('; ')}`);
  }
  const cases = await loadCorpus(path.join(rootDir, 'test/eval/corpus'));

  const rulesScores = await scoreAll(cases, catalog, null);
  const rulesReport = formatEvalReport('rules only', rulesScores, showFailures);
  process.stdout.write(`${rulesReport.text}\n`);
  if (config.llm !== null) {
    const interpreter = createOpenAiInterpreter(config.llm);
    const llmScores = await scoreAll(cases, catalog, interpreter);
    const llmReport = formatEvalReport(`with the LLM (${config.llm.model})`, llmScores, showFailures);
    process.stdout.write(`${llmReport.text}\n`);
  }
  const weakest = rulesReport.slotAccuracy.filter((entry) => entry.accuracy < minSlotAccuracy);
  if (weakest.length > 0) {
    const names = weakest.map((entry) => entry.slot).join(', ');
    process.stderr.write(`Rules-only accuracy is below ${minSlotAccuracy * 100}% for: ${names}\n`);
    process.exitCode = 1;
  }
}

async function scoreAll(
  cases: EvalCase[],
  catalog: FlowCatalog,
  interpreter: LeadInterpreter | null,
): Promise<CaseScore[]> {
  const scores: CaseScore[] = [];
  for (const item of cases) {
    const flow = catalog.current.get(item.flow);
    if (flow === undefined) {
      throw new Error(`case ${item.id}: flow "${item.flow}" is not loaded`);
    }
    const engine = createFlowEngine({ catalog, startFlowId: item.flow, interpreter });
    const results: TurnResult[] = [];
    let state: BotState | null = null;
    for (const text of item.messages) {
      const result = await engine.handleTurn({ text, state, context });
      results.push(result);
      state = result.state;
    }
    scores.push(scoreCase(item, flow, results));
  }
  return scores;
}

main().catch((error: unknown) => {
  process.stderr.write(`eval failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
