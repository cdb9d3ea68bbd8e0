import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { AppError } from '../lib/errors.ts';

/** Accepts requests that carry `Authorization: Bearer <API_TOKEN>`. */
export function requireApiToken(apiToken: string): RequestHandler {
  const expected = Buffer.from(apiToken);
  return (req, _res, next) => {
    const header = req.header('authorization') ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header);
    const given = Buffer.from(match?.[1]?.trim() ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      next(new AppError('unauthorized', 'Missing or invalid bearer token'));
      return;
    }
    next();
  };
}
