import type { IncomingHttpHeaders } from 'node:http';
import type { RequestHandler } from 'express';
import { AppError } from '../lib/errors.ts';

/** The header every state-changing browser request carries; see `checkSameOrigin`. */
export const csrfHeaderName = 'x-requested-with';
export const csrfHeaderValue = 'textback';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Guards cookie-authenticated requests against cross-site request forgery, in two layers on
 * top of the SameSite=Lax cookie (which older browsers and same-site subdomains do not honour):
 *
 * 1. A state-changing request must carry `X-Requested-With: textback`. An HTML form cannot set
 *    a header, and a cross-origin `fetch` that sets one needs a CORS preflight, which this
 *    server never approves. This works without a token stored per session.
 * 2. When the browser sends `Origin` (it does on every cross-origin request and on same-origin
 *    POSTs), it must be this server's own origin or PUBLIC_BASE_URL's, so a page on another
 *    origin is rejected even if a proxy in front were to allow the header.
 */
export function checkSameOrigin(publicBaseUrl: string): RequestHandler {
  return (req, _res, next) => {
    if (safeMethods.has(req.method)) {
      next();
      return;
    }
    if (req.header(csrfHeaderName) !== csrfHeaderValue) {
      next(new AppError('forbidden', `Missing the ${csrfHeaderName}: ${csrfHeaderValue} header`));
      return;
    }
    if (!isSameOrigin(req.headers, publicBaseUrl)) {
      next(new AppError('forbidden', 'Request from another origin rejected'));
      return;
    }
    next();
  };
}

/**
 * True when `Origin` is absent (a client that is not a browser) or names this server: the host
 * the request was sent to, or PUBLIC_BASE_URL when a proxy in front rewrites the Host header.
 * Used for socket.io handshakes too.
 */
export function isSameOrigin(headers: IncomingHttpHeaders, publicBaseUrl: string): boolean {
  const origin = headers.origin;
  if (origin === undefined) {
    return true;
  }
  try {
    const parsed = new URL(origin);
    return parsed.host === headers.host || parsed.origin === new URL(publicBaseUrl).origin;
  } catch {
    return false;
  }
}
