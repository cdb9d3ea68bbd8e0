import type { z } from 'zod';
import { AppError } from './errors.ts';

/** Parses a request body or query with a zod schema, turning failures into a 400 that lists them. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.infer<Schema> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => ({
      field: issue.path.join('.'),
      message: issue.message,
    }));
    const summary = details.map((detail) => `${detail.field || 'body'}: ${detail.message}`).join('; ');
    throw new AppError('bad_request', `Invalid request: ${summary}`, details);
  }
  return parsed.data;
}
