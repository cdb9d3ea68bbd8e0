import { z } from 'zod';

/** A failed API request, carrying the server's error code and a message fit to show. */
export class ApiError extends Error {
  override name = 'ApiError';

  constructor(
    /** The server's error code, or `network`, `invalid_response` or `http_error` (client side). */
    readonly code: string,
    message: string,
    /** The HTTP status, or 0 when no response arrived. */
    readonly status: number,
  ) {
    super(message);
  }
}

export interface RequestJsonOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Sent as a JSON body. */
  body?: unknown;
  signal?: AbortSignal;
}

const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});

/**
 * Sends a request to the textback server and parses the JSON response with `schema`.
 * Throws `ApiError` for network failures, `{ error: { code, message } }` error responses and
 * responses that do not match the schema. An aborted request rejects with the `AbortError`.
 */
export async function requestJson<T>(
  path: string,
  schema: z.ZodType<T>,
  options: RequestJsonOptions = {},
): Promise<T> {
  const method = options.method ?? 'GET';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      // The server rejects state-changing requests without this header (a CSRF check).
      headers:
        options.body === undefined
          ? { 'X-Requested-With': 'textback' }
          : { 'X-Requested-With': 'textback', 'Content-Type': 'application/json' },
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') {
      throw error;
    }
    const message = 'Could not reach the textback server. Check that it is running.';
    throw new ApiError('network', message, 0);
  }

  const payload = await readJson(response);
  if (!response.ok) {
    throw toApiError(response, payload);
  }
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    const endpoint = path.split('?')[0] ?? path;
    const problems = summarizeIssues(parsed.error.issues);
    throw new ApiError(
      'invalid_response',
      `Unexpected response from ${method} ${endpoint}: ${problems}`,
      response.status,
    );
  }
  return parsed.data;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The number of schema issues an error message lists before it only counts the rest. */
const maxListedIssues = 3;

function summarizeIssues(issues: z.core.$ZodIssue[]): string {
  const listed = issues.slice(0, maxListedIssues).map((issue) => {
    const field = issue.path.length === 0 ? 'body' : issue.path.map(String).join('.');
    return `${field}: ${issue.message}`;
  });
  const unlisted = issues.length - listed.length;
  return unlisted > 0 ? `${listed.join('; ')} (and ${unlisted} more)` : listed.join('; ');
}

function toApiError(response: Response, payload: unknown): ApiError {
  const parsed = errorBodySchema.safeParse(payload);
  if (parsed.success) {
    return new ApiError(parsed.data.error.code, parsed.data.error.message, response.status);
  }
  const statusText = response.statusText === '' ? '' : ` ${response.statusText}`;
  return new ApiError(
    'http_error',
    `The server answered ${response.status}${statusText} without an error message.`,
    response.status,
  );
}
