import { z } from 'zod';

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const booleanFlag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((value) => (value === undefined || value === '' ? undefined : value === 'true' || value === '1'));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  PUBLIC_BASE_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: optionalString.pipe(z.url().optional()),
  DATA_DIR: z.string().default('./data'),
  API_TOKEN: optionalString.pipe(z.string().min(16).optional()),
  TWILIO_ACCOUNT_SID: optionalString,
  TWILIO_AUTH_TOKEN: optionalString,
  TWILIO_API_BASE_URL: optionalString.pipe(z.url().optional()),
  SANDBOX_AUTH_TOKEN: optionalString,
  SEED_DEMO: booleanFlag,
  FLOWS_DIR: z.string().default('./flows'),
  OPENAI_BASE_URL: optionalString.pipe(z.url().optional()),
  OPENAI_API_KEY: optionalString,
  OPENAI_MODEL: optionalString,
  REPLY_BATCH_WINDOW_MS: z.coerce.number().int().min(0).max(60_000).default(2500),
  DEMO_OWNER_PASSWORD: optionalString.pipe(z.string().min(8).optional()),
  SMTP_URL: optionalString.pipe(z.url().optional()),
  SMTP_FROM: optionalString,
});

export type Env = z.infer<typeof envSchema>;

/** The model used when OPENAI_API_KEY is set without OPENAI_MODEL. */
export const defaultOpenAiModel = 'gpt-4o-mini';

export interface Config {
  port: number;
  host: string;
  publicBaseUrl: string;
  logLevel: Env['LOG_LEVEL'];
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string | null };
  apiToken: string | undefined;
  provider:
    | { kind: 'twilio'; accountSid: string; authToken: string; apiBaseUrl: string | undefined }
    | { kind: 'sandbox'; authToken: string };
  seedDemo: boolean;
  flowsDir: string;
  /** An OpenAI-compatible endpoint that helps the bot read messages; null runs rules only. */
  llm: { baseUrl: string | undefined; apiKey: string; model: string } | null;
  /** Texts a lead sends within this window of each other are answered as one turn. */
  replyBatchWindowMs: number;
  /** The password of the demo owner created on first start with the sandbox. */
  demoOwnerPassword: string;
  /** The SMTP server for staff e-mail notifications; null sends none. */
  smtp: { url: string; from: string } | null;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parses the process environment once at start-up. Throws a ConfigError naming each invalid
 * variable, so a bad value stops the server before it listens.
 */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid environment:\n  ${problems.join('\n  ')}`);
  }
  return toConfig(parsed.data);
}

function toConfig(env: Env): Config {
  const hasSid = env.TWILIO_ACCOUNT_SID !== undefined;
  const hasToken = env.TWILIO_AUTH_TOKEN !== undefined;
  if (hasSid !== hasToken) {
    throw new ConfigError(
      'Invalid environment:\n  TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN must be set together',
    );
  }
  const provider: Config['provider'] =
    env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN
      ? {
          kind: 'twilio',
          accountSid: env.TWILIO_ACCOUNT_SID,
          authToken: env.TWILIO_AUTH_TOKEN,
          apiBaseUrl: env.TWILIO_API_BASE_URL,
        }
      : { kind: 'sandbox', authToken: env.SANDBOX_AUTH_TOKEN ?? 'sandbox-auth-token' };

  return {
    port: env.PORT,
    host: env.HOST,
    publicBaseUrl: (env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    logLevel: env.LOG_LEVEL,
    database: env.DATABASE_URL
      ? { kind: 'postgres', url: env.DATABASE_URL }
      : { kind: 'pglite', dataDir: env.DATA_DIR },
    apiToken: env.API_TOKEN,
    provider,
    seedDemo: env.SEED_DEMO ?? provider.kind === 'sandbox',
    flowsDir: env.FLOWS_DIR,
    llm: env.OPENAI_API_KEY
      ? {
          baseUrl: env.OPENAI_BASE_URL,
          apiKey: env.OPENAI_API_KEY,
          model: env.OPENAI_MODEL ?? defaultOpenAiModel,
        }
      : null,
    replyBatchWindowMs: env.REPLY_BATCH_WINDOW_MS,
    demoOwnerPassword: env.DEMO_OWNER_PASSWORD ?? 'textback-demo',
    smtp: env.SMTP_URL ? { url: env.SMTP_URL, from: env.SMTP_FROM ?? 'textback@localhost' } : null,
  };
}
