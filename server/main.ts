import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.ts';
import { seedDemoOwner } from './auth/seed-demo-owner.ts';
import type { AppContext } from './app-context.ts';
import { webhookAuthToken } from './app-context.ts';
import { createOpenAiInterpreter } from '../bot/llm/create-openai-interpreter.ts';
import { openDatabase } from './db/open-database.ts';
import { createFlowRegistry } from './flows/flow-registry.ts';
import { BackgroundTasks } from './lib/background-tasks.ts';
import { ConfigError, loadConfig } from './lib/config.ts';
import type { Config } from './lib/config.ts';
import { KeyedQueue } from './lib/keyed-queue.ts';
import { createLogger } from './lib/logger.ts';
import { settleUndecidedCalls } from './calls/settle-undecided-calls.ts';
import { resumeBotTurns } from './conversations/resume-bot-turns.ts';
import { resumeMediaFetches } from './media/fetch-media-files.ts';
import { resumeVoicemailFetches } from './voicemail/fetch-voicemail.ts';
import { createSandboxProvider } from './providers/sandbox-provider.ts';
import type { SandboxProvider } from './providers/sandbox-provider.ts';
import { createTwilioProvider } from './providers/twilio-provider.ts';
import { attachSocketServer } from './realtime/attach-socket-server.ts';
import { silentHub } from './realtime/realtime-hub.ts';
import { seedDemoBusiness } from './seed/seed-demo-business.ts';
import { createWebhookPoster } from './simulator/create-webhook-poster.ts';
import { resumePendingTextBacks } from './text-back/resume-pending-text-backs.ts';
import { createAgendaScheduler } from './jobs/create-agenda-scheduler.ts';
import { createSmtpMailer } from './notifications/smtp-mailer.ts';
import { startAutomation } from './workflows/start-automation.ts';

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
  const flows = await createFlowRegistry({
    db: database.db,
    flowsDir: path.resolve(config.flowsDir),
    log,
    interpreter: config.llm === null ? null : createOpenAiInterpreter(config.llm),
  });
  const ctx: AppContext = {
    config,
    db: database.db,
    log,
    provider: provider as NonNullable<typeof provider>,
    engineFor: flows.engineFor,
    flows,
    tasks,
    turns: new KeyedQueue(),
    realtime: silentHub,
    now: () => new Date(),
  };
  let demoLogin: DemoLogin | null = null;
  if (config.seedDemo) {
    const demoBusiness = await seedDemoBusiness(database.db);
    if (sandbox) {
      demoLogin = await seedDemoOwner(database.db, demoBusiness, config.demoOwnerPassword);
    }
  }

  const app = createApp(ctx, { sandbox, webDistDir: path.join(rootDir, 'web', 'dist') });
  const server = createServer(app);
  const realtime = attachSocketServer(server, {
    db: database.db,
    log,
    publicBaseUrl: config.publicBaseUrl,
    now: ctx.now,
  });
  ctx.realtime = realtime;
  await listen(server, config);
  const port = (server.address() as AddressInfo).port;
  if (sandbox) {
    attachSandbox(sandbox, config, ctx, port);
  }
  tasks.run('resume text backs', async () => {
    await resumePendingTextBacks(ctx);
    await settleUndecidedCalls(ctx);
    await resumeMediaFetches(ctx);
    await resumeVoicemailFetches(ctx);
    await resumeBotTurns(ctx);
  });
  // Calls whose last webhook arrived while the server was down are settled here as well. Lead
  // texts whose turn was lost in a process that stopped get their bot turn here too.
  const settleTimer = setInterval(() => {
    tasks.run('settle calls', async () => {
      await settleUndecidedCalls(ctx);
      await resumeBotTurns(ctx);
    });
  }, 60_000);
  settleTimer.unref();
  const jobs = await createAgendaScheduler({
    client: database.client,
    log,
    now: ctx.now,
    workerName: `textback-${process.pid}`,
  });
  const mailer = config.smtp ? createSmtpMailer(config.smtp) : null;
  await startAutomation(ctx, { jobs, mailer, workflowsDir: path.join(path.resolve(config.flowsDir), 'workflows') });
  printBanner(config, port, sandbox !== null, demoLogin);
  const llm = config.llm?.model ?? 'off';
  log.info({ port, provider: provider?.kind, database: config.database.kind, llm }, 'textback started');

  const stop = async (signal: string) => {
    log.info({ signal }, 'textback stopping');
    // Closing socket.io also closes the HTTP server.
    await realtime.close();
    clearInterval(settleTimer);
    // A job claimed but unfinished at exit waits out its lock (60 s) before another process runs it.
    await jobs.stop();
    mailer?.close();
    await tasks.stop();
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

function listen(server: Server, config: Config): Promise<Server> {
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

interface DemoLogin {
  email: string;
  password: string;
}

function printBanner(config: Config, port: number, isSandbox: boolean, demoLogin: DemoLogin | null): void {
  const base = `http://localhost:${port}`;
  const lines = [
    '',
    `  textback is running on ${base}`,
    `  Web app: ${base}/login`,
    ...(demoLogin
      ? [`  Demo owner (created now): ${demoLogin.email} / ${demoLogin.password}  (sandbox only)`]
      : []),
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
