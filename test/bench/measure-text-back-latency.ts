import { performance } from 'node:perf_hooks';
import type { BackgroundTasks } from '../../server/lib/background-tasks.ts';
import { benchSettings } from './bench-settings.ts';
import type { BenchTwilio } from './start-bench-twilio.ts';
import { summarizeDurations } from './percentiles.ts';
import type { DurationSummary } from './percentiles.ts';
import { signWebhookForm } from './sign-webhook-form.ts';

export interface TextBackLatencyOptions {
  appUrl: string;
  twilio: BenchTwilio;
  /** The app's background tasks, drained after the warm-up so it does not overlap the run. */
  tasks: BackgroundTasks;
  callCount: number;
  /** Calls not counted, run first so that JIT compilation and connection set-up are done. */
  warmupCallCount: number;
  /** Missed calls in progress at once. */
  concurrency: number;
  /** How long to wait for each text back before counting it as missing. */
  timeoutMs: number;
  /** No call starts after this long, so a broken app cannot stretch the run. */
  maxDurationMs: number;
}

export interface TextBackLatencyResult {
  /** From just before the dial-status webhook is sent to the fake Twilio receiving the text. */
  textBack: DurationSummary;
  /** Response time of the dial-status webhook (`DialCallStatus=no-answer`) that returns TwiML. */
  dialStatusResponse: DurationSummary;
  /** Response time of the incoming-call webhook that returns the `<Dial>`. */
  voiceResponse: DurationSummary;
  /** Calls whose text back did not arrive within the timeout. */
  missingTextBacks: number;
  /** Calls with a webhook response other than 200. */
  failedResponses: number;
  /** Calls not started because the run reached its time limit. */
  skippedCalls: number;
  durationSeconds: number;
}

interface CallTimings {
  textBackMs: number | null;
  dialStatusMs: number;
  voiceMs: number;
  voiceStatus: number;
  dialStatusStatus: number;
  hasFailed: boolean;
}

/**
 * Plays missed calls against the app as Twilio would: the incoming-call webhook, then the
 * dial-status webhook with `no-answer`, each call from its own caller, and times how long until
 * the opening text reaches the fake Twilio API.
 */
export async function measureTextBackLatency(
  options: TextBackLatencyOptions,
): Promise<TextBackLatencyResult> {
  const warmupCallers = Array.from({ length: options.warmupCallCount }, (_, index) =>
    callerNumber(9000 + index),
  );
  const warmup = await runCalls(options, warmupCallers, Date.now() + options.maxDurationMs);
  assertWarmupPassed(warmup);
  await options.tasks.drain();

  const callers = Array.from({ length: options.callCount }, (_, index) => callerNumber(index));
  const startedAt = performance.now();
  const timings = await runCalls(options, callers, Date.now() + options.maxDurationMs);
  const durationSeconds = (performance.now() - startedAt) / 1000;

  const textBacks = timings.flatMap((timing) =>
    timing.textBackMs === null ? [] : [timing.textBackMs],
  );
  return {
    textBack: summarizeDurations(textBacks),
    dialStatusResponse: summarizeDurations(timings.map((timing) => timing.dialStatusMs)),
    voiceResponse: summarizeDurations(timings.map((timing) => timing.voiceMs)),
    missingTextBacks: timings.length - textBacks.length,
    skippedCalls: callers.length - timings.length,
    failedResponses: timings.filter((timing) => timing.hasFailed).length,
    durationSeconds,
  };
}

/** Runs one missed call per caller, `concurrency` at a time, starting none after `deadline`. */
async function runCalls(
  options: TextBackLatencyOptions,
  callers: string[],
  deadline: number,
): Promise<CallTimings[]> {
  const timings: CallTimings[] = [];
  let next = 0;
  const runLane = async (): Promise<void> => {
    while (next < callers.length && Date.now() < deadline) {
      const caller = callers[next] as string;
      next += 1;
      timings.push(await missCall(options, caller));
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, runLane));
  return timings;
}

async function missCall(options: TextBackLatencyOptions, caller: string): Promise<CallTimings> {
  const params = {
    AccountSid: benchSettings.accountSid,
    ApiVersion: '2010-04-01',
    CallSid: `CA${caller.replace(/\D/g, '').padStart(32, '0')}`,
    CallStatus: 'ringing',
    Direction: 'inbound',
    From: caller,
    To: benchSettings.businessNumber,
    Caller: caller,
    Called: benchSettings.businessNumber,
  };
  const voice = await postWebhook(options.appUrl, '/webhooks/twilio/voice', params);

  // Waiting starts before the post because the text back may reach the fake API before the
  // TwiML reaches us.
  const arrival = options.twilio.waitForMessage(caller, options.timeoutMs);
  const dialStatusParams = {
    ...params,
    CallStatus: 'in-progress',
    DialCallStatus: 'no-answer',
    DialCallDuration: '0',
  };
  const dialStatusPath = '/webhooks/twilio/voice/dial-status';
  const dialStatus = await postWebhook(options.appUrl, dialStatusPath, dialStatusParams);
  const receivedAt = await arrival;

  return {
    textBackMs: receivedAt === null ? null : receivedAt - dialStatus.sentAt,
    dialStatusMs: dialStatus.elapsedMs,
    voiceMs: voice.elapsedMs,
    voiceStatus: voice.status,
    dialStatusStatus: dialStatus.status,
    hasFailed: voice.status !== 200 || dialStatus.status !== 200,
  };
}

/** Stops the bench early when the app does not work, instead of timing errors. */
function assertWarmupPassed(warmup: CallTimings[]): void {
  const failed = warmup.find((timing) => timing.hasFailed || timing.textBackMs === null);
  if (!failed) {
    return;
  }
  const textBack = failed.textBackMs === null ? 'not received' : 'received';
  throw new Error(
    `A warm-up missed call failed (incoming-call webhook ${failed.voiceStatus}, dial-status ` +
      `webhook ${failed.dialStatusStatus}, text back ${textBack}). ` +
      'Run the server tests to find the cause.',
  );
}

/** Posts a signed webhook and reads the whole response; `sentAt` is taken after signing. */
async function postWebhook(
  appUrl: string,
  path: string,
  params: Record<string, string>,
): Promise<{ status: number; sentAt: number; elapsedMs: number }> {
  const { body, headers } = signWebhookForm(path, params);
  const sentAt = performance.now();
  const response = await fetch(appUrl + path, { method: 'POST', headers, body });
  await response.text();
  return { status: response.status, sentAt, elapsedMs: performance.now() - sentAt };
}

/** Returns a distinct US-format number per index; only the local fake API ever sees it. */
function callerNumber(index: number): string {
  return `+1555560${String(index).padStart(4, '0')}`;
}
