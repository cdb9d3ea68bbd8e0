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
  'req.query',
  'req.params',
  'res.headers["set-cookie"]',
];

/** Phone numbers as drivers and vendors print them inside error messages. */
const phoneInTextPattern = /\+?\d[\d ().-]{8,}\d/g;

/** Creates the JSON logger; tests pass a destination to read what would be written. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options = {
    level,
    redact: { paths: redactedPaths, censor: '[redacted]' },
    serializers: { err: serializeError },
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * Serializes an error without the data it may quote. Drizzle puts every query parameter in
 * its message ("Failed query: … params: …"), and Twilio quotes the rejected phone number.
 */
export function serializeError(err: unknown): unknown {
  const serialized = pino.stdSerializers.err(err as Error) as unknown as Record<string, unknown>;
  return scrubErrorFields(serialized);
}

function scrubErrorFields(value: Record<string, unknown>): Record<string, unknown> {
  const scrubbed: Record<string, unknown> = { ...value };
  for (const key of ['message', 'stack']) {
    const text = scrubbed[key];
    if (typeof text === 'string') {
      scrubbed[key] = scrubText(text);
    }
  }
  if (scrubbed.cause && typeof scrubbed.cause === 'object') {
    scrubbed.cause = scrubErrorFields(scrubbed.cause as Record<string, unknown>);
  }
  return scrubbed;
}

function scrubText(text: string): string {
  return text.replace(/\nparams: .*/g, '\nparams: [redacted]').replace(phoneInTextPattern, '[phone]');
}

/** Drops the query string from a logged URL: searches and callbacks put phone numbers there. */
export function stripQuery(url: string): string {
  const index = url.indexOf('?');
  return index === -1 ? url : `${url.slice(0, index)}?[redacted]`;
}
