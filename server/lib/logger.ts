import pino from 'pino';
import type { Logger } from 'pino';

export type { Logger };

/** Paths holding message bodies, phone numbers, tokens or prompts, which never reach the log. */
const redactedPaths = [
  'body',
  'text',
  'from',
  'to',
  'phone',
  'prompt',
  '*.body',
  '*.text',
  '*.from',
  '*.to',
  '*.phone',
  '*.prompt',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-twilio-signature"]',
];

export function createLogger(level: string): Logger {
  return pino({ level, redact: { paths: redactedPaths, censor: '[redacted]' } });
}
