import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';
import type { AutocannonOptions, AutocannonRequest, AutocannonResult } from 'autocannon';
import { benchSettings } from './bench-settings.ts';
import { summarizeDurations } from './percentiles.ts';
import type {
  InboundThroughputOptions,
  InboundThroughputResult,
} from './measure-inbound-throughput.ts';
import { signWebhookForm } from './sign-webhook-form.ts';
import type { SignedWebhookForm } from './sign-webhook-form.ts';

/**
 * A lead's replies to the default flow (need, name, ZIP, time), so most texts drive a bot turn
 * that sends a reply. After the fourth text the flow has ended and further texts are only stored.
 */
const leadReplies = ['My kitchen sink is leaking', 'Dana Rivera', '60614', 'tomorrow morning'];

const options = workerData as InboundThroughputOptions;
let sentCount = 0;

await assertTargetAccepts();

// autocannon's own latency histogram keeps whole milliseconds only, which hides the baseline's
// sub-millisecond figures, so each response time is kept here as well.
const latenciesMs: number[] = [];
const autocannonOptions: AutocannonOptions = {
  url: options.url,
  connections: options.connections,
  duration: options.durationSeconds,
  requests: [{ method: 'POST', path: options.path, setupRequest: buildNextRequest }],
  skipAggregateResult: true,
};
const instance = autocannon(autocannonOptions);
instance.on('response', (_client, _statusCode, _resBytes, responseTime) => {
  latenciesMs.push(responseTime);
});
const result = autocannon.aggregateResult([await instance], autocannonOptions);
parentPort?.postMessage(summarize(result, latenciesMs));

function buildNextRequest(request: AutocannonRequest): AutocannonRequest {
  const { body, headers } = signNextText();
  return { ...request, headers, body };
}

/** Stops before the load when the target rejects a text, instead of timing errors. */
async function assertTargetAccepts(): Promise<void> {
  const { body, headers } = signNextText();
  const response = await fetch(options.url + options.path, { method: 'POST', headers, body });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(
      `POST ${options.path} returned ${response.status} before the load: ${text.slice(0, 300)}`,
    );
  }
}

/** Signs the next inbound text: leads take turns, and each lead works through its replies. */
function signNextText(): SignedWebhookForm {
  const index = sentCount;
  sentCount += 1;
  const lead = `+1555570${String(index % options.leadCount).padStart(4, '0')}`;
  const reply = leadReplies[Math.floor(index / options.leadCount) % leadReplies.length] ?? '';
  const messageSid = `SM${String(index).padStart(32, '0')}`;
  return signWebhookForm('/webhooks/twilio/sms', {
    AccountSid: benchSettings.accountSid,
    ApiVersion: '2010-04-01',
    MessageSid: messageSid,
    SmsSid: messageSid,
    From: lead,
    To: benchSettings.businessNumber,
    Body: reply,
    NumMedia: '0',
    NumSegments: '1',
  });
}

function summarize(result: AutocannonResult, latenciesMs: number[]): InboundThroughputResult {
  const statusCodes: Record<string, number> = {};
  for (const [status, stats] of Object.entries(result.statusCodeStats)) {
    statusCodes[status] = stats.count;
  }
  return {
    requests: result.requests.total,
    durationSeconds: result.duration,
    requestsPerSecond: result.requests.total / result.duration,
    latencyMs: summarizeDurations(latenciesMs),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
  };
}
