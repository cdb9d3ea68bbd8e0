import { z } from 'zod';
import { requestJson } from '../../lib/api-client.ts';

const basePath = '/simulator/api';

const simulatorStateSchema = z.object({
  businesses: z.array(z.object({ id: z.string(), name: z.string(), phoneNumber: z.string() })),
  defaultCallerNumber: z.string(),
});
export type SimulatorState = z.infer<typeof simulatorStateSchema>;
export type SimulatedBusiness = SimulatorState['businesses'][number];

/**
 * How the simulated call ends: the first three are missed calls, and `completed` means the
 * business picked up.
 */
export type CallOutcome = 'no-answer' | 'busy' | 'canceled' | 'completed';

const threadMessageSchema = z.object({
  id: z.string(),
  /** `inbound` runs from the lead to the business, `outbound` from the business to the lead. */
  direction: z.enum(['inbound', 'outbound']),
  author: z.enum(['lead', 'bot', 'staff', 'system']),
  body: z.string(),
  status: z.string(),
  createdAt: z.string(),
});
export type ThreadMessage = z.infer<typeof threadMessageSchema>;

const threadCallSchema = z.object({
  callSid: z.string(),
  status: z.string(),
  dialStatus: z.string().nullable(),
  textBackStatus: z.string().nullable(),
  textBackReason: z.string().nullable(),
  createdAt: z.string(),
});
export type ThreadCall = z.infer<typeof threadCallSchema>;

const threadConversationSchema = z.object({
  id: z.string(),
  holder: z.enum(['bot', 'human']),
  status: z.enum(['open', 'closed']),
  outcome: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type ThreadConversation = z.infer<typeof threadConversationSchema>;

const threadSchema = z.object({
  messages: z.array(threadMessageSchema),
  calls: z.array(threadCallSchema),
  conversation: threadConversationSchema.nullable(),
});
export type Thread = z.infer<typeof threadSchema>;

const placeCallResultSchema = z.object({ callSid: z.string() });
const sendMessageResultSchema = z.object({ messageSid: z.string() });

/** The pair of numbers that identifies one simulated caller's history with one business. */
export interface ThreadKey {
  businessNumber: string;
  callerNumber: string;
}

/** Typed calls to the simulator endpoints, which exist only on the sandbox provider. */
export const simulatorApi = {
  fetchState(signal?: AbortSignal): Promise<SimulatorState> {
    return requestJson(`${basePath}/state`, simulatorStateSchema, { signal });
  },

  fetchThread(key: ThreadKey, signal?: AbortSignal): Promise<Thread> {
    const query = new URLSearchParams({ ...key });
    return requestJson(`${basePath}/thread?${query.toString()}`, threadSchema, { signal });
  },

  /** Places a call from the caller to the business that ends with `outcome`. */
  placeCall(key: ThreadKey, outcome: CallOutcome): Promise<{ callSid: string }> {
    return requestJson(`${basePath}/calls`, placeCallResultSchema, {
      method: 'POST',
      body: { ...key, outcome },
    });
  },

  /** Sends an SMS from the caller (the lead) to the business. */
  sendLeadMessage(key: ThreadKey, body: string): Promise<{ messageSid: string }> {
    return requestJson(`${basePath}/messages`, sendMessageResultSchema, {
      method: 'POST',
      body: { ...key, body },
    });
  },
};
