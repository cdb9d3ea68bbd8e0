import { versionKey } from '../flows/flow-catalog.ts';
import type { FlowCatalog } from '../flows/flow-catalog.ts';
import type { Flow } from '../flows/flow.ts';
import type { BotLogEntry, BotState } from './reply-engine.ts';

export type ResolveFlowResult =
  | { flow: Flow; log: BotLogEntry[] }
  | { flow: null; reason: string; log: BotLogEntry[] };

/**
 * Picks the flow for a turn. A new conversation starts on the current version of
 * `startFlowId`, and a conversation under way stays on the version it started on. When that
 * version is no longer loaded, the conversation moves to the current version if its waiting
 * step still exists there as an ask step.
 */
export function resolveFlow(
  catalog: FlowCatalog,
  state: BotState | null,
  startFlowId: string,
): ResolveFlowResult {
  if (state === null) {
    const flow = catalog.current.get(startFlowId);
    return flow === undefined
      ? { flow: null, reason: `Flow "${startFlowId}" is not loaded`, log: [] }
      : { flow, log: [] };
  }
  const pinned = catalog.versions.get(versionKey(state.flowId, state.flowVersion));
  if (pinned !== undefined) {
    return { flow: pinned, log: [] };
  }
  const current = catalog.current.get(state.flowId);
  if (current === undefined) {
    return { flow: null, reason: `Flow "${state.flowId}" is not loaded`, log: [] };
  }
  const waiting = state.stepId === null ? null : current.steps.get(state.stepId);
  if (waiting !== null && waiting?.type !== 'ask') {
    const reason =
      `Flow "${state.flowId}" version ${state.flowVersion} is not loaded, and the current ` +
      `version has no ask step "${state.stepId}"`;
    return { flow: null, reason, log: [] };
  }
  const message = `Flow version ${state.flowVersion} is not loaded, continued on ${current.hash}`;
  return { flow: current, log: [{ level: 'warn', message, stepId: state.stepId ?? undefined }] };
}
