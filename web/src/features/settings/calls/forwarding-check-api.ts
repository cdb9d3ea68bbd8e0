import { z } from 'zod';
import { requestJson } from '../../../lib/api-client.ts';

const forwardingCheckSchema = z.object({
  id: z.string(),
  status: z.enum(['pending', 'passed', 'failed']),
  carrierNumber: z.string(),
  failureReason: z.string().nullable(),
  startedAt: z.string(),
  expiresAt: z.string(),
  finishedAt: z.string().nullable(),
});
/** One "call me to test" check of conditional forwarding. */
export type ForwardingCheck = z.infer<typeof forwardingCheckSchema>;

const checkResponseSchema = z.object({ check: forwardingCheckSchema });
const latestResponseSchema = z.object({ check: forwardingCheckSchema.nullable() });

/** Calls to start a forwarding check and to poll the latest one. */
export const forwardingCheckApi = {
  start(): Promise<ForwardingCheck> {
    return requestJson('/app-api/settings/forwarding-check', checkResponseSchema, { method: 'POST' }).then(
      (body) => body.check,
    );
  },

  readLatest(signal?: AbortSignal): Promise<ForwardingCheck | null> {
    return requestJson('/app-api/settings/forwarding-check', latestResponseSchema, { signal }).then(
      (body) => body.check,
    );
  },
};
