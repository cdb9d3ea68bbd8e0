import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.ts';
import type { AppContext } from './app-context.ts';
import { webhookAuthToken } from './app-context.ts';
import { loadReplyEngines } from './conversations/load-reply-engines.ts';
import { openDatabase } from './db/open-database.ts';
import { BackgroundTasks } from './lib/background-tasks.ts';
import { ConfigError, loadConfig } from './lib/config.ts';
import type { Config } from './lib/config.ts';
import { KeyedQueue } from './lib/keyed-queue.ts';
import { createLogger } from './lib/logger.ts';
import { createSandboxProvider } from './providers/sandbox-provider.ts';
import type { SandboxProvider } from './providers/sandbox-provider.ts';
import { createTwilioProvider } from './providers/twilio-provider.ts';
import { silentHub } from './realtime/realtime-hub.ts';
import { seedDemoBusiness } from './seed/seed-demo-business.ts';
import { createWebhookPoster } from './simulator/create-webhook-poster.ts';
import { resumePendingTextBacks } from './text-back/resume-pending-text-backs.ts';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<void> {
  const config = readConfigOrExit();
  const log = createLogger(config.logLevel);
  const database = await openDatabase({
    url: config.database.kind === 'postgres' ? config.database.url : null,
    dataDir: config.database.kind === 'pglite' ? config.database.dataDir : null,
    onConnectionError: (err) => log.warn({ err }, 'database connection lost'),
  });
  const sandbox = config.provider.kind === 'sandbox' ? createSandboxProvider() : null;
  const provider =
    config.provider.kind === 'twilio' ? createTwilioProvider({ ...config.provider, log }) : sandbox;
  const tasks = new BackgroundTasks(log);
  const engines = await loadReplyEngines({ flowsDir: path.resolve(config.flowsDir) });
  for (const problem of engines.problems) {
    log.error({ problem }, 'flow file skipped because it is invalid');
  }
  const ctx: AppContext = {
    config,
    db: database.db,
    log,
    provider: provider as NonNullable<typeof provider>,
    engineFor: engines.engineFor,
    tasks,
    turns: new KeyedQueue(),
    realtime: silentHub,
    now: () => new Date(),
  };
  if (config.seedDemo) {
    await seedDemoBusiness(database.db);
  }

  const app = createApp(ctx, { sandbox, webDistDir: path.join(rootDir, 'web', 'dist') });
  const server = await listen(app, config);
  const port = (server.address() as AddressInfo).port;
  if (sandbox) {
    attachSandbox(sandbox, config, ctx, port);
  }
  tasks.run('resume text backs', async () => {
    await resumePendingTextBacks(ctx);
  });
  printBanner(config, port, sandbox !== null);
  log.info({ port, provider: provider?.kind, database: config.database.kind }, 'textback started');

  const stop = async (signal: string) => {
    log.info({ signal }, 'textback stopping');
    server.close();
    await tasks.drain();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

function readConfigOrExit(): Config {
  if (existsSync('.env')) {
    process.loadEnvFile('.env');
  }
  try {
    return loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}

function listen(app: ReturnType<typeof createApp>, config: Config): Promise<Server> {
  const server = createServer(app);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve(server));
  });
}

function attachSandbox(sandbox: SandboxProvider, config: Config, ctx: AppContext, port: number): void {
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  sandbox.attachPoster(
    createWebhookPoster({
      localBaseUrl: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
      publicBaseUrl: config.publicBaseUrl,
      authToken: webhookAuthToken(config),
      log: ctx.log,
    }),
  );
}

function printBanner(config: Config, port: number, isSandbox: boolean): void {
  const base = `http://localhost:${port}`;
  const lines = [
    '',
    `  textback is running on ${base}`,
    isSandbox
      ? `  Phone simulator: ${base}/simulator  (sandbox provider: no real texts are sent)`
      : '  Provider: twilio',
    config.apiToken ? `  REST API: ${base}/api` : '  REST API: off until API_TOKEN is set',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`textback failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
