import { createApp } from '../../server/app.ts';
import type { AppContext } from '../../server/app-context.ts';
import { createBusiness } from '../../server/businesses/business-repo.ts';
import { businessInputSchema } from '../../server/businesses/business.ts';
import type { Database } from '../../server/db/open-database.ts';
import { BackgroundTasks } from '../../server/lib/background-tasks.ts';
import { loadConfig } from '../../server/lib/config.ts';
import { KeyedQueue } from '../../server/lib/keyed-queue.ts';
import { createLogger } from '../../server/lib/logger.ts';
import { createTwilioProvider } from '../../server/providers/twilio-provider.ts';
import { silentHub } from '../../server/realtime/realtime-hub.ts';
import { benchSettings } from './bench-settings.ts';
import { listenOnLoopback } from './listen-on-loopback.ts';
import { loadBenchEngine } from './load-bench-engine.ts';
import type { BenchEngine } from './load-bench-engine.ts';

export interface BenchApp {
  url: string;
  ctx: AppContext;
  engine: Pick<BenchEngine, 'kind' | 'loadError'>;
  close: () => Promise<void>;
}

/**
 * Starts the real app over HTTP with the Twilio provider pointed at a local fake API, the
 * repository's flows as the bot (or a stand-in, see `loadBenchEngine`), the real clock and a
 * silent logger, and seeds one business.
 */
export async function startBenchApp(db: Database, fakeTwilioUrl: string): Promise<BenchApp> {
  const config = loadConfig({
    PUBLIC_BASE_URL: benchSettings.publicBaseUrl,
    LOG_LEVEL: 'silent',
    TWILIO_ACCOUNT_SID: benchSettings.accountSid,
    TWILIO_AUTH_TOKEN: benchSettings.authToken,
    TWILIO_API_BASE_URL: fakeTwilioUrl,
  });
  if (config.provider.kind !== 'twilio') {
    throw new Error('The bench config did not select the Twilio provider');
  }
  const log = createLogger(config.logLevel);
  const engine = await loadBenchEngine(db, log);
  const ctx: AppContext = {
    config,
    db,
    log,
    provider: createTwilioProvider({ ...config.provider, log }),
    engineFor: engine.flows.engineFor,
    flows: engine.flows,
    tasks: new BackgroundTasks(log),
    turns: new KeyedQueue(),
    realtime: silentHub,
    now: () => new Date(),
  };
  await seedBenchBusiness(db);

  const server = await listenOnLoopback(createApp(ctx, { sandbox: null, webDistDir: null }));
  return {
    url: server.url,
    ctx,
    engine: { kind: engine.kind, loadError: engine.loadError },
    close: server.close,
  };
}

async function seedBenchBusiness(db: Database): Promise<void> {
  const input = businessInputSchema.parse({
    name: 'Rivera Plumbing',
    phoneNumber: benchSettings.businessNumber,
    timeZone: 'America/Chicago',
    forwardingNumber: benchSettings.forwardingNumber,
    ringTimeoutSeconds: 20,
    textBackEnabled: true,
    openingMessage: 'Hi, {{business.name}} here. Sorry we missed you! How can we help?',
    bookingLink: 'https://cal.example.com/rivera',
    hours: {},
    repeatWindowMinutes: 720,
    flowId: 'default',
  });
  await createBusiness(db, input);
}
