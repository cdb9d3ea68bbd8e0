import { countSegments } from '../sms/count-segments.ts';
import type { FlowCatalog } from '../flows/flow-catalog.ts';
import type { Flow } from '../flows/flow.ts';
import type { LeadInterpreter } from '../llm/lead-interpreter.ts';
import { resolveFlow } from './resolve-flow.ts';
import type { BotState, ReplyEngine, TurnRequest, TurnResult } from './reply-engine.ts';
import { readWithInterpreter } from './read-with-interpreter.ts';
import { runTurn } from './run-turn.ts';

export interface FlowEngineOptions {
  catalog: FlowCatalog;
  /** The flow a new conversation starts on, usually the business's `flow_id`. */
  startFlowId: string;
  /** A language model that reads messages alongside the rules; rules only when missing. */
  interpreter?: LeadInterpreter | null;
}

/**
 * Creates a reply engine that interprets YAML flows. The engine keeps no state between turns,
 * so creating one per turn (with the business's flow id) is cheap. With an interpreter, each
 * message is also read by a language model whose checked hints fill what the rules miss.
 * `handleTurn` never rejects: an internal error becomes an error log entry and a handoff.
 *
 * @example
 * const { catalog } = await loadFlows(config.flowsDir);
 * const engine = createFlowEngine({ catalog, startFlowId: business.flowId });
 * const result = await engine.handleTurn({ text, state: conversation.botState, context });
 */
export function createFlowEngine(options: FlowEngineOptions): ReplyEngine {
  return {
    handleTurn: async (request) => {
      try {
        return await handleTurnSafely(request, options);
      } catch (error) {
        return failTurn(request, options.startFlowId, error);
      }
    },
  };
}

async function handleTurnSafely(
  request: TurnRequest,
  options: FlowEngineOptions,
): Promise<TurnResult> {
  const resolved = resolveFlow(options.catalog, request.state, options.startFlowId);
  if (resolved.flow === null) {
    return failTurn(request, options.startFlowId, new Error(resolved.reason));
  }
  const flow = resolved.flow;
  const state = request.state ?? startState(flow, request);
  const log = [...resolved.log];
  if (request.state === null) {
    const message = `Started flow "${flow.id}" version ${flow.version} (${flow.hash})`;
    log.push({ level: 'info', message });
  }
  const pinnedState = { ...state, flowVersion: flow.hash };
  const reading =
    options.interpreter === undefined || options.interpreter === null
      ? { hints: null, log: [] }
      : await readWithInterpreter(options.interpreter, request.text, flow, pinnedState, request.context);
  log.push(...reading.log);
  const input = { text: request.text, mediaCount: request.mediaCount ?? 0, hints: reading.hints };
  const result = runTurn(input, pinnedState, flow, request.context, log);
  return request.state === null && request.context.voicemail ? thankForVoicemail(result, flow) : result;
}

/**
 * Opens the bot's first reply with thanks for the lead's voicemail, unless that would push the
 * reply past the flow's segment limit.
 */
function thankForVoicemail(result: TurnResult, flow: Flow): TurnResult {
  const first = result.replies[0];
  if (first === undefined) {
    return result;
  }
  const thanked = `Thanks for your voicemail. ${first}`;
  if (countSegments(thanked).segments > flow.settings.max_segments) {
    return result;
  }
  return { ...result, replies: [thanked, ...result.replies.slice(1)] };
}

/** Builds a new conversation's state, filled with the name and e-mail the contact has. */
function startState(flow: Flow, request: TurnRequest): BotState {
  const slots: BotState['slots'] = {};
  const contact = request.context.contact;
  if (flow.slots.get('name') === 'name' && contact.name) {
    slots.name = contact.name;
  }
  if (flow.slots.get('email') === 'email' && contact.email) {
    slots.email = contact.email;
  }
  return { flowId: flow.id, flowVersion: flow.hash, stepId: flow.start, slots, attempts: 0 };
}

function failTurn(request: TurnRequest, startFlowId: string, error: unknown): TurnResult {
  const reason = error instanceof Error ? error.message : String(error);
  const previous = request.state;
  const business = request.context.business.name.replace(/[\p{Cc}{}]/gu, '').slice(0, 60);
  return {
    replies: [`Thanks! Someone from ${business} will text you shortly.`],
    state: {
      flowId: previous?.flowId ?? startFlowId,
      flowVersion: previous?.flowVersion ?? '',
      stepId: null,
      slots: previous?.slots ?? {},
      attempts: 0,
    },
    outcome: 'needs_human',
    handoffReason: 'The bot could not continue',
    log: [
      {
        level: 'error',
        message: `Bot engine failed: ${reason}`,
        stepId: previous?.stepId ?? undefined,
      },
    ],
  };
}
