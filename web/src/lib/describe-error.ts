import { ApiError } from './api-client.ts';

/** Returns a message fit to show for anything a request or handler threw. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    return error.message;
  }
  if (error instanceof Error && error.message !== '') {
    return error.message;
  }
  return 'Something went wrong. Reload the page and try again.';
}

/** Tells whether `error` comes from aborting a fetch, which callers ignore. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
