import type { BenchResults } from './bench-results.ts';
import type { DurationSummary } from './percentiles.ts';
import type { InboundThroughputResult } from './measure-inbound-throughput.ts';

/** Formats a bench run as a markdown table with a line on how and where it was measured. */
export function formatResultsTable(results: BenchResults): string {
  const { textBack, inboundSms, baseline, loadSettings, machine } = results;
  const callsPerSecond = textBack.textBack.n / textBack.durationSeconds;
  const load = `${loadSettings.connections} connections, ${loadSettings.durationSeconds} s`;
  const lines = [
    ...describeEngine(results.engine),
    `Database: ${results.database}. Machine: ${machine.cpuCount} × ${machine.cpuModel}, ` +
      `Node ${machine.node}, load average ${formatLoad(machine.loadAverageAtStart)} at start ` +
      `and ${formatLoad(machine.loadAverageAtEnd)} at end. Command: \`${results.command}\`.`,
    '',
    '| measurement | n | p50 ms | p99 ms | max ms | rate | non-2xx |',
    '|---|---:|---:|---:|---:|---:|---:|',
    durationRow(
      `missed call → text back at the provider (${textBack.settings.concurrency} calls in flight)`,
      textBack.textBack,
      `${callsPerSecond.toFixed(0)} calls/s`,
      describeCallFailures(textBack),
    ),
    durationRow('dial-status webhook → TwiML', textBack.dialStatusResponse, '', ''),
    durationRow('incoming-call webhook → TwiML', textBack.voiceResponse, '', ''),
    throughputRow(`inbound SMS webhook (autocannon, ${load})`, inboundSms),
    throughputRow(`baseline: plain Express 5 POST (autocannon, ${load})`, baseline),
    '',
    `Bot replies sent during the SMS load: ${inboundSms.repliesSentDuringRun}, and in total: ` +
      `${inboundSms.repliesSentInTotal}, the last ${inboundSms.lastReplySeconds.toFixed(1)} s ` +
      `after the load ended${inboundSms.hasReplyWaitTimedOut ? ' (the wait timed out)' : ''}. ` +
      `The bot waits ${inboundSms.replyBatchWindowMs} ms after a lead's last text before ` +
      'it replies.',
  ];
  return lines.join('\n');
}

function describeEngine(engine: BenchResults['engine']): string[] {
  if (engine.kind === 'flows') {
    return [];
  }
  return [
    `WARNING: the bot's flow engine failed to load (${engine.loadError ?? 'no error given'}), ` +
      'so a stand-in engine answered the texts. Bot replies and SMS figures leave out the flow ' +
      'engine.',
    '',
  ];
}

function durationRow(
  name: string,
  summary: DurationSummary,
  rate: string,
  failures: string,
): string {
  const { n, p50, p99, max } = summary;
  const cells = [name, String(n), ms(p50), ms(p99), ms(max), rate, failures];
  return `| ${cells.join(' | ')} |`;
}

function throughputRow(name: string, result: InboundThroughputResult): string {
  const failures =
    result.errors > 0 ? `${result.non2xx} (${result.errors} errors)` : String(result.non2xx);
  const cells = [
    name,
    String(result.requests),
    ms(result.latencyMs.p50),
    ms(result.latencyMs.p99),
    ms(result.latencyMs.max),
    `${result.requestsPerSecond.toFixed(0)} req/s`,
    failures,
  ];
  return `| ${cells.join(' | ')} |`;
}

function describeCallFailures(textBack: BenchResults['textBack']): string {
  const notes = [
    textBack.missingTextBacks > 0 ? `${textBack.missingTextBacks} texts missing` : '',
    textBack.skippedCalls > 0 ? `${textBack.skippedCalls} calls skipped at the time limit` : '',
  ].filter((note) => note !== '');
  const failed = String(textBack.failedResponses);
  return notes.length > 0 ? `${failed} (${notes.join(', ')})` : failed;
}

function ms(value: number): string {
  return value < 10 ? value.toFixed(2) : value.toFixed(1);
}

function formatLoad(loadAverage: number[]): string {
  return loadAverage.map((value) => value.toFixed(2)).join(' / ');
}
