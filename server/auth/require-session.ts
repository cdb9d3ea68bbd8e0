import type { RequestHandler, Response } from 'express';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/errors.ts';
import { findSessionUser } from './session-repo.ts';
import type { SessionUser } from './session-repo.ts';
import { readSessionToken } from './session-cookie.ts';
import type { Role } from './user.ts';

/** Lets a request through only with a valid session cookie, and records who is asking. */
export function requireSession(ctx: AppContext): RequestHandler {
  return async (req, res, next) => {
    const token = readSessionToken(req.header('cookie'));
    const session = token ? await findSessionUser(ctx.db, token, ctx.now()) : null;
    if (!session) {
      next(new AppError('unauthorized', 'Log in to continue'));
      return;
    }
    res.locals.session = session;
    next();
  };
}

/** Lets only users with one of `roles` through; must follow `requireSession`. */
export function requireRole(...roles: Role[]): RequestHandler {
  return (_req, res, next) => {
    if (!roles.includes(sessionOf(res).user.role)) {
      next(new AppError('forbidden', `Only ${roles.join(' or ')}s can do this`));
      return;
    }
    next();
  };
}

/** The logged-in user of a request that passed `requireSession`. */
export function sessionOf(res: Response): SessionUser {
  const session = res.locals.session as SessionUser | undefined;
  if (!session) {
    throw new AppError('unauthorized', 'Log in to continue');
  }
  return session;
}
