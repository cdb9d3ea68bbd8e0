import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../../server/app.ts';
import type { AppContext } from '../../../server/app-context.ts';
import { webhookAuthToken } from '../../../server/app-context.ts';
import type { Database } from '../../../server/db/open-database.ts';
import { createFlowRegistry } from '../../../server/flows/flow-registry.ts';
import { BackgroundTasks } from '../../../server/lib/background-tasks.ts';
import { loadConfig } from '../../../server/lib/config.ts';
import { KeyedQueue } from '../../../server/lib/keyed-queue.ts';
import { createLogger } from '../../../server/lib/logger.ts';
import { createSandboxProvider } from '../../../server/providers/sandbox-provider.ts';
import { attachSocketServer } from '../../../server/realtime/attach-socket-server.ts';
import { silentHub } from '../../../server/realtime/realtime-hub.ts';
import { createWebhookPoster } from '../../../server/simulator/create-webhook-poster.ts';
import { flowsDir } from '../../support/test-engine.ts';

export interface WebServer {
  baseUrl: string;
  ctx: AppContext;
  close: () => Promise<void>;
}

/**
 * Starts the whole server as `npm start` does, on the sandbox provider with socket.io and the
 * built web app, on an ephemeral loopback port and with the real clock.
 */
export async function startWebServer(db: Database, webDistDir: string): Promise<WebServer> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config = loadConfig({
    PUBLIC_BASE_URL: baseUrl,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    REPLY_BATCH_WINDOW_MS: '0',
  });
  const log = createLogger(config.logLevel);
  const sandbox = createSandboxProvider();
  const flows = await createFlowRegistry({ db, flowsDir, log });
  const ctx: AppContext = {
    config,
    db,
    log,
    provider: sandbox,
    engineFor: flows.engineFor,
    flows,
    tasks: new BackgroundTasks(log),
    turns: new KeyedQueue(),
    realtime: silentHub,
    now: () => new Date(),
  };
  sandbox.attachPoster(
    createWebhookPoster({ localBaseUrl: baseUrl, publicBaseUrl: baseUrl, authToken: webhookAuthToken(config), log }),
  );
  // socket.io takes over the listeners present when it attaches, so Express must come first.
  server.on('request', createApp(ctx, { sandbox, webDistDir }));
  const realtime = attachSocketServer(server, { db, log, publicBaseUrl: baseUrl, now: () => new Date() });
  ctx.realtime = realtime;

  return {
    baseUrl,
    ctx,
    close: async () => {
      await realtime.close();
      await ctx.tasks.drain();
    },
  };
}
