import type { InboundThroughputResult } from './measure-inbound-throughput.ts';
import type { TextBackLatencyResult } from './measure-text-back-latency.ts';

/** One `npm run bench` run, as printed and written to `results/latest.json`. */
export interface BenchResults {
  startedAt: string;
  command: string;
  database: 'pglite' | 'postgres';
  /** The reply engine the app ran, and why the real one could not be loaded, if it could not. */
  engine: { kind: 'flows' | 'stand-in'; loadError: string | null };
  machine: {
    cpuModel: string;
    cpuCount: number;
    totalMemoryGb: number;
    node: string;
    platform: string;
    /** 1-, 5- and 15-minute load averages, which show other work on a shared machine. */
    loadAverageAtStart: number[];
    loadAverageAtEnd: number[];
  };
  textBack: TextBackLatencyResult & {
    settings: { callCount: number; warmupCallCount: number; concurrency: number };
  };
  inboundSms: InboundThroughputResult & {
    /** The app's pause after a lead's last text before the bot replies (REPLY_BATCH_WINDOW_MS). */
    replyBatchWindowMs: number;
    /** Texts (bot replies) that reached the fake Twilio API while the load ran. */
    repliesSentDuringRun: number;
    /** Texts that reached it from the start of the load until they stopped arriving. */
    repliesSentInTotal: number;
    /** Time from the end of the load until the last bot reply reached the fake API. */
    lastReplySeconds: number;
    hasReplyWaitTimedOut: boolean;
  };
  baseline: InboundThroughputResult;
  loadSettings: { connections: number; durationSeconds: number; leadCount: number };
}
