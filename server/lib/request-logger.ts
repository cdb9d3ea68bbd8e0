import { pinoHttp } from 'pino-http';
import type { RequestHandler } from 'express';
import { stripQuery } from './logger.ts';
import type { Logger } from './logger.ts';

/** Logs each request once it completes, without its query string; health checks are skipped. */
export function createRequestLogger(log: Logger): RequestHandler {
  return pinoHttp({
    logger: log,
    autoLogging: { ignore: (req) => req.url === '/healthz' },
    serializers: {
      req: (req: { url?: string }) => ({ ...req, url: stripQuery(req.url ?? '') }),
    },
  });
}
