import { useEffect, useState } from 'react';
import { flowsApi } from '../flows/flows-api.ts';

/** The ids of the flows a business can pick; empty until loaded or when loading fails. */
export function useFlowChoices(): string[] {
  const [flowIds, setFlowIds] = useState<string[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    flowsApi.list(controller.signal).then(
      (flows) => setFlowIds(flows.map((flow) => flow.id)),
      () => undefined,
    );
    return () => controller.abort();
  }, []);
  return flowIds;
}
