import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { measureNudgeBurst } from './measure-nudge-burst.ts';

const nudgeCount = Number(process.env.BENCH_NUDGES ?? 10_000);
const resultsUrl = new URL('./results/nudges-latest.json', import.meta.url);

/** Times 10,000 nudges due at one moment; see README.md in this folder. */
async function main(): Promise<void> {
  const result = await measureNudgeBurst({
    nudgeCount,
    concurrency: Number(process.env.BENCH_NUDGE_CONCURRENCY ?? 20),
    processEveryMs: Number(process.env.BENCH_NUDGE_POLL_MS ?? 100),
    workerCount: Number(process.env.BENCH_NUDGE_WORKERS ?? 1),
    databaseUrl: process.env.BENCH_DATABASE_URL ?? null,
    timeoutMs: 15 * 60_000,
  });
  const record = { ...result, machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}`, loadAverage: os.loadavg(), node: process.version };
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(resultsUrl, `${JSON.stringify(record, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(record, null, 2)}\n`);
  // Agenda 6.2.6 leaves a 5-minute timer after jobs run that keeps the process alive, so exit.
  process.exit(0);
}

main().catch((err: unknown) => {
  process.stderr.write(`nudge bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
