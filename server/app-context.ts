import type { ReplyEngineFactory } from './conversations/load-reply-engines.ts';
import type { Database } from './db/open-database.ts';
import type { FlowRegistry } from './flows/flow-registry.ts';
import type { BackgroundTasks } from './lib/background-tasks.ts';
import type { Config } from './lib/config.ts';
import type { KeyedQueue } from './lib/keyed-queue.ts';
import type { Logger } from './lib/logger.ts';
import type { SmsProvider } from './providers/sms-provider.ts';
import type { RealtimeHub } from './realtime/realtime-hub.ts';
import type { Automation } from './workflows/automation.ts';

/** Everything a request handler needs, built once at start-up and injected (tests build their own). */
export interface AppContext {
  config: Config;
  db: Database;
  log: Logger;
  provider: SmsProvider;
  engineFor: ReplyEngineFactory;
  /** The bot's flows and their versions; `engineFor` runs on them. */
  flows: FlowRegistry;
  tasks: BackgroundTasks;
  turns: KeyedQueue;
  realtime: RealtimeHub;
  /** The current time; tests pass a controllable clock. */
  now: () => Date;
  /** Workflows and their job scheduler; when absent, no workflow runs and text backs are not delayed. */
  automation?: Automation;
}

/** The token webhooks are signed with: Twilio's auth token, or the sandbox's own. */
export function webhookAuthToken(config: Config): string {
  return config.provider.authToken;
}
