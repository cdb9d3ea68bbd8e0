import { z } from 'zod';
import { requestJson } from '../../lib/api-client.ts';

/** `template`: shared by every business, read-only here. `business`: this business's own flow. */
const flowOwnerSchema = z.enum(['template', 'business']);
export type FlowOwner = z.infer<typeof flowOwnerSchema>;

const flowSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  currentHash: z.string(),
  owner: flowOwnerSchema,
});
export type FlowSummary = z.infer<typeof flowSummarySchema>;

const versionSchema = z.object({
  hash: z.string(),
  number: z.number(),
  label: z.string(),
  origin: z.string(),
  createdAt: z.string(),
});
export type FlowVersion = z.infer<typeof versionSchema>;

const flowSchema = z.object({
  id: z.string(),
  name: z.string(),
  owner: flowOwnerSchema,
  current: versionSchema.extend({ source: z.string() }),
  versions: z.array(versionSchema),
});
export type FlowDetail = z.infer<typeof flowSchema>;

export const flowProblemSchema = z.object({
  line: z.number().nullable(),
  stepId: z.string().nullable(),
  field: z.string().nullable(),
  message: z.string(),
});
export type FlowProblem = z.infer<typeof flowProblemSchema>;

const checkSchema = z.object({ valid: z.boolean(), problems: z.array(flowProblemSchema) });

/** The bot's state between test-chat turns, kept by the browser and sent back unchanged. */
const botStateSchema = z.looseObject({ stepId: z.string().nullable() });
export type TestChatState = z.infer<typeof botStateSchema>;

const turnSchema = z.object({
  replies: z.array(z.string()),
  state: botStateSchema,
  outcome: z.string().nullable(),
  summary: z.string(),
});
export type TestChatTurn = z.infer<typeof turnSchema>;

/** Calls to the flow editor's API, which only owners may use. */
export const flowsApi = {
  list(signal?: AbortSignal): Promise<FlowSummary[]> {
    return requestJson('/app-api/flows', z.object({ flows: z.array(flowSummarySchema) }), { signal }).then(
      (body) => body.flows,
    );
  },

  read(flowId: string, signal?: AbortSignal): Promise<FlowDetail> {
    return requestJson(`/app-api/flows/${flowId}`, z.object({ flow: flowSchema }), { signal }).then(
      (body) => body.flow,
    );
  },

  check(source: string, signal?: AbortSignal): Promise<{ valid: boolean; problems: FlowProblem[] }> {
    return requestJson('/app-api/flows/check', checkSchema, { method: 'POST', body: { source }, signal });
  },

  tryTurn(source: string, text: string, state: TestChatState | null): Promise<TestChatTurn> {
    return requestJson('/app-api/flows/try', z.object({ turn: turnSchema }), {
      method: 'POST',
      body: { source, text, state },
    }).then((body) => body.turn);
  },

  save(flowId: string, source: string): Promise<{ version: FlowVersion }> {
    return requestJson(`/app-api/flows/${flowId}/versions`, z.object({ version: versionSchema }), {
      method: 'POST',
      body: { source },
    });
  },
};
