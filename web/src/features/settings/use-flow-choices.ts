import { useEffect, useState } from 'react';
import { flowsApi } from '../flows/flows-api.ts';

export interface FlowChoice {
  id: string;
  /** The flow's name, with its id added when two flows share the name. */
  label: string;
}

/**
 * Loads the flows an owner can pick. Staff may not list flows, so for them, and until the list
 * loads or when loading fails, it returns an empty list and the page shows the saved flow's id.
 */
export function useFlowChoices(isOwner: boolean): FlowChoice[] {
  const [choices, setChoices] = useState<FlowChoice[]>([]);
  useEffect(() => {
    if (!isOwner) {
      return;
    }
    const controller = new AbortController();
    flowsApi.list(controller.signal).then(
      (flows) => {
        const names = flows.map((flow) => flow.name);
        const isShared = (name: string) => names.indexOf(name) !== names.lastIndexOf(name);
        setChoices(flows.map((flow) => ({ id: flow.id, label: isShared(flow.name) ? `${flow.name} (${flow.id})` : flow.name })));
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [isOwner]);
  return choices;
}
