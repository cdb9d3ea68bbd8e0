import type { RequestHandler } from 'express';

/**
 * Removes NUL characters from webhook form fields. PostgreSQL text cannot store them, so one in
 * a lead's text would otherwise fail the insert and lose the message.
 */
export const stripNulBytes: RequestHandler = (req, _res, next) => {
  const body: unknown = req.body;
  if (typeof body === 'object' && body !== null) {
    for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
      if (typeof value === 'string' && value.includes('\u0000')) {
        (body as Record<string, unknown>)[key] = value.replaceAll('\u0000', '');
      }
    }
  }
  next();
};
