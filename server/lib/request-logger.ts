import { pinoHttp } from 'pino-http';
import type { RequestHandler } from 'express';
import { stripQuery } from './logger.ts';
import type { Logger } from './logger.ts';

const readMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Logs each request once it completes, without its query string; health checks are skipped.
 * Successful reads are logged at debug, because the phone simulator polls its thread every
 * second and the inbox reloads its list on every live update. Writes and failed requests stay
 * at info.
 */
export function createRequestLogger(log: Logger): RequestHandler {
  return pinoHttp({
    logger: log,
    autoLogging: { ignore: (req) => req.url === '/healthz' },
    customLogLevel: (req, res, err) => {
      const isFailed = err !== undefined || res.statusCode >= 400;
      return !isFailed && readMethods.has(req.method ?? '') ? 'debug' : 'info';
    },
    serializers: {
      req: (req: { url?: string }) => ({ ...req, url: stripQuery(req.url ?? '') }),
    },
  });
}
