import type { Response } from 'express';

export const sessionCookieName = 'textback_session';

export interface SessionCookieOptions {
  /** Adds `Secure` so the cookie only travels over https; on when PUBLIC_BASE_URL is https. */
  isSecure: boolean;
}

/** Sets the http-only, SameSite=Lax session cookie. */
export function setSessionCookie(
  res: Response,
  token: string,
  expiresAt: Date,
  options: SessionCookieOptions,
): void {
  res.cookie(sessionCookieName, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: options.isSecure,
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(res: Response, options: SessionCookieOptions): void {
  res.clearCookie(sessionCookieName, {
    httpOnly: true,
    sameSite: 'lax',
    secure: options.isSecure,
    path: '/',
  });
}

/** Reads the session token from a Cookie header, as sent on requests and socket handshakes. */
export function readSessionToken(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) {
    return null;
  }
  for (const part of cookieHeader.split(';')) {
    const separator = part.indexOf('=');
    if (separator === -1) {
      continue;
    }
    if (part.slice(0, separator).trim() === sessionCookieName) {
      const value = part.slice(separator + 1).trim();
      return value === '' ? null : decodeCookieValue(value);
    }
  }
  return null;
}

/** Decodes a percent-encoded cookie value; a malformed one is no token, never an exception. */
function decodeCookieValue(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
