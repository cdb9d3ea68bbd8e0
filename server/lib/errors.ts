import type { ErrorRequestHandler } from 'express';
import type { Logger } from './logger.ts';

export type ErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'invalid_template'
  | 'invalid_flow'
  | 'invalid_signature'
  | 'rate_limited'
  | 'opted_out'
  | 'internal';

const statusByCode: Record<ErrorCode, number> = {
  bad_request: 400,
  invalid_template: 400,
  invalid_flow: 400,
  unauthorized: 401,
  forbidden: 403,
  invalid_signature: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  opted_out: 409,
  internal: 500,
};

/** An error with a stable code, a message safe to show to the caller and optional details. */
export class AppError extends Error {
  override name = 'AppError';

  constructor(
    readonly code: ErrorCode,
    readonly publicMessage: string,
    readonly details?: unknown,
  ) {
    super(publicMessage);
  }

  get status(): number {
    return statusByCode[this.code];
  }
}

/** Answers every failure as `{ error: { code, message } }` and logs the unexpected ones. */
export function createErrorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    if (err instanceof AppError) {
      res.status(err.status).json({
        error: { code: err.code, message: err.publicMessage, details: err.details },
      });
      return;
    }
    if (isBodyParserError(err)) {
      res.status(400).json({ error: { code: 'bad_request', message: 'Malformed request body' } });
      return;
    }
    log.error({ err, method: req.method, path: req.path }, 'request failed');
    res.status(500).json({ error: { code: 'internal', message: 'Internal server error' } });
  };
}

function isBodyParserError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'type' in err && 'status' in err;
}
