import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../server/app.ts';
import type { AppContext } from '../../server/app-context.ts';
import type { ReplyEngineFactory } from '../../server/conversations/load-reply-engines.ts';
import type { LeadInterpreter } from '../../bot/llm/lead-interpreter.ts';
import type { Database } from '../../server/db/open-database.ts';
import { createFlowRegistry } from '../../server/flows/flow-registry.ts';
import { BackgroundTasks } from '../../server/lib/background-tasks.ts';
import { loadConfig } from '../../server/lib/config.ts';
import { KeyedQueue } from '../../server/lib/keyed-queue.ts';
import { createLogger } from '../../server/lib/logger.ts';
import { createSandboxProvider } from '../../server/providers/sandbox-provider.ts';
import { createTwilioProvider } from '../../server/providers/twilio-provider.ts';
import { silentHub } from '../../server/realtime/realtime-hub.ts';
import { signTwilioRequest } from '../../server/webhooks/verify-twilio-signature.ts';
import { createTestClock } from './test-clock.ts';
import type { TestClock } from './test-clock.ts';
import { flowsDir } from './test-engine.ts';

export const publicBaseUrl = 'https://textback.test';
export const twilioAuthToken = 'test-auth-token-0123456789abcdef';
export const apiToken = 'test-api-token-0123456789';

export interface TestAppOptions {
  db: Database;
  /** The local fake Twilio API; without it the sandbox provider is used. */
  fakeTwilioUrl?: string;
  /** Replaces the engines built on the stored flows. */
  engineFor?: ReplyEngineFactory;
  /** A language model reader for the bot, such as one pointed at a local fake endpoint. */
  interpreter?: LeadInterpreter;
  /** The window for reading a burst of texts as one turn; 0 answers each text at once. */
  replyBatchWindowMs?: number;
}

export interface TestApp {
  app: Express;
  ctx: AppContext;
  clock: TestClock;
  /** Posts a Twilio-format webhook signed with the account's auth token. */
  postWebhook: (path: string, params: Record<string, string>) => Promise<request.Response>;
  api: () => {
    get: (path: string) => request.Test;
    post: (path: string) => request.Test;
    patch: (path: string) => request.Test;
    put: (path: string) => request.Test;
  };
}

/** Background work of every test app the current test file made, so a reset can wait for it. */
const allTasks = new Set<BackgroundTasks>();

/**
 * Cancels the delayed work of every test app and waits for work still running. A text back still
 * writing when the next test empties the tables would deadlock with it on PostgreSQL.
 */
export async function stopTestAppTasks(): Promise<void> {
  for (const tasks of allTasks) {
    await tasks.stop();
  }
}

export async function createTestApp(options: TestAppOptions): Promise<TestApp> {
  const config = loadConfig({
    PUBLIC_BASE_URL: publicBaseUrl,
    API_TOKEN: apiToken,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    REPLY_BATCH_WINDOW_MS: String(options.replyBatchWindowMs ?? 0),
    ...(options.fakeTwilioUrl
      ? {
          TWILIO_ACCOUNT_SID: 'ACtest00000000000000000000000000',
          TWILIO_AUTH_TOKEN: twilioAuthToken,
          TWILIO_API_BASE_URL: options.fakeTwilioUrl,
        }
      : { SANDBOX_AUTH_TOKEN: twilioAuthToken }),
  });
  const log = createLogger(config.logLevel);
  const provider =
    config.provider.kind === 'twilio'
      ? createTwilioProvider({ ...config.provider, log })
      : createSandboxProvider();
  const clock = createTestClock(new Date('2026-03-10T15:00:00Z'));
  const flows = await createFlowRegistry({
    db: options.db,
    flowsDir,
    log,
    interpreter: options.interpreter ?? null,
  });
  const ctx: AppContext = {
    config,
    db: options.db,
    log,
    provider,
    engineFor: options.engineFor ?? flows.engineFor,
    flows,
    tasks: new BackgroundTasks(log),
    turns: new KeyedQueue(),
    realtime: silentHub,
    now: clock.now,
  };
  allTasks.add(ctx.tasks);
  const app = createApp(ctx, { sandbox: null, webDistDir: null });

  const postWebhook = (path: string, params: Record<string, string>) => {
    const signature = signTwilioRequest(twilioAuthToken, publicBaseUrl + path, params);
    return request(app).post(path).type('form').set('X-Twilio-Signature', signature).send(params);
  };
  const auth = `Bearer ${apiToken}`;
  const api = () => ({
    get: (path: string) => request(app).get(path).set('Authorization', auth),
    post: (path: string) => request(app).post(path).set('Authorization', auth),
    patch: (path: string) => request(app).patch(path).set('Authorization', auth),
    put: (path: string) => request(app).put(path).set('Authorization', auth),
  });
  return { app, ctx, clock, postWebhook, api };
}
