import type { Flow } from './flow.ts';

/**
 * The flows an engine can run. New conversations start on `current`; a conversation already
 * under way keeps the version it started on while that version is in `versions`.
 */
export interface FlowCatalog {
  current: ReadonlyMap<string, Flow>;
  /** Every known version, keyed by `versionKey(flow.id, flow.hash)`. */
  versions: ReadonlyMap<string, Flow>;
}

/**
 * Builds a catalog from freshly loaded flows. Pass the previous catalog on reload so versions
 * that conversations started on stay available after their file changes.
 */
export function createFlowCatalog(flows: readonly Flow[], previous?: FlowCatalog): FlowCatalog {
  const versions = new Map(previous?.versions ?? []);
  const current = new Map<string, Flow>();
  for (const flow of flows) {
    current.set(flow.id, flow);
    versions.set(versionKey(flow.id, flow.hash), flow);
  }
  return { current, versions };
}

export function versionKey(flowId: string, hash: string): string {
  return `${flowId}@${hash}`;
}
