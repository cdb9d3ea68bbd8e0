import type { ThreadCall } from './simulator-api.ts';

export type CallVerdict = 'missed' | 'answered' | 'in-progress' | 'unknown';

const missedStatuses = new Set(['no-answer', 'busy', 'canceled', 'failed', 'missed']);
const inProgressStatuses = new Set(['queued', 'initiated', 'ringing', 'in-progress']);

/**
 * Tells whether the business missed the call. The forwarded leg's dial status decides, because
 * the caller's own leg ends as `completed` whether or not anyone picked up. Without a dial status
 * the call status decides, but a bare `completed` gives the verdict `unknown`.
 */
export function findCallVerdict(call: ThreadCall): CallVerdict {
  const status = call.dialStatus ?? call.status;
  if (missedStatuses.has(status)) {
    return 'missed';
  }
  if (inProgressStatuses.has(status)) {
    return 'in-progress';
  }
  const isAnswered = status === 'answered' || (call.dialStatus !== null && status === 'completed');
  return isAnswered ? 'answered' : 'unknown';
}
