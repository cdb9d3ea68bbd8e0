import { Worker } from 'node:worker_threads';
import type { DurationSummary } from './percentiles.ts';

export interface InboundThroughputOptions {
  /** The server's origin, such as `http://127.0.0.1:40123`. */
  url: string;
  /** The path posted to; the body is always signed for the app's `/webhooks/twilio/sms`. */
  path: string;
  connections: number;
  durationSeconds: number;
  /** Distinct lead numbers the texts come from, in turn. */
  leadCount: number;
}

export interface InboundThroughputResult {
  requests: number;
  durationSeconds: number;
  requestsPerSecond: number;
  /** Response times of all completed requests, non-2xx included, as autocannon counts them. */
  latencyMs: DurationSummary;
  non2xx: number;
  /** Connection errors, timeouts included. */
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
}

/**
 * Posts signed inbound-SMS webhooks with autocannon for a fixed time, each with a fresh
 * MessageSid. Autocannon runs in a worker thread so that the load generator and the server
 * under test do not share one event loop.
 */
export function measureInboundThroughput(
  options: InboundThroughputOptions,
): Promise<InboundThroughputResult> {
  const worker = startTypeScriptWorker(new URL('./autocannon-worker.ts', import.meta.url), options);
  return new Promise((resolve, reject) => {
    worker.once('message', (result: InboundThroughputResult) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      reject(new Error(`The autocannon worker exited with code ${code} before returning results`));
    });
  });
}

/**
 * Starts a worker on a TypeScript file. With Node 20.20 and tsx 4.23, a worker started on a
 * `.ts` file fails with ERR_UNKNOWN_FILE_EXTENSION, even with `--import tsx` in its execArgv,
 * so the worker first loads tsx's API and imports the file through it.
 */
function startTypeScriptWorker(file: URL, workerData: unknown): Worker {
  const tsxApi = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const target = JSON.stringify(file.href);
  const parent = JSON.stringify(import.meta.url);
  const source = `import(${tsxApi}).then((tsx) => tsx.tsImport(${target}, ${parent}))`;
  return new Worker(source, { eval: true, workerData });
}
