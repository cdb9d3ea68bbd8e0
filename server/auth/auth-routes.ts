import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { findBusinessById } from '../businesses/business-repo.ts';
import { AppError } from '../lib/errors.ts';
import { parseInput } from '../lib/parse-body.ts';
import { hashPassword, verifyPassword } from './hash-password.ts';
import { LoginThrottle } from './login-throttle.ts';
import { requireSession, sessionOf } from './require-session.ts';
import { createSession, deleteOtherSessionsOfUser, deleteSession } from './session-repo.ts';
import { clearSessionCookie, setSessionCookie } from './session-cookie.ts';
import { passwordSchema } from './user.ts';
import { findPasswordHash, findUserForLogin, updateUser } from './user-repo.ts';

const loginSchema = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(200),
});
const passwordChangeSchema = z.object({
  currentPassword: z.string().max(200),
  newPassword: passwordSchema,
});

export interface AuthRoutesOptions {
  /** Whether the phone simulator is available, which the app shows owners in its menu. */
  hasSimulator: boolean;
}

/** Log in, log out, read the logged-in user and change their password, under the web app's API. */
export function createAuthRoutes(ctx: AppContext, options: AuthRoutesOptions): Router {
  const router = Router();
  const throttle = new LoginThrottle();
  const cookieOptions = { isSecure: ctx.config.publicBaseUrl.startsWith('https:') };
  // Compared against when the e-mail is unknown, so both cases take the same time.
  const decoyHash = hashPassword('decoy password never used');

  router.post('/login', async (req, res) => {
    const { email, password } = parseInput(loginSchema, req.body);
    const now = ctx.now();
    // `trust proxy` is set to loopback, so behind a local proxy this is the forwarded client.
    const attempt = { email, address: req.ip ?? req.socket.remoteAddress ?? 'unknown' };
    if (throttle.isBlocked(attempt, now)) {
      throw new AppError('rate_limited', 'Too many failed logins; wait 15 minutes and try again');
    }
    const user = await findUserForLogin(ctx.db, email);
    const isValid = await verifyPassword(password, user?.passwordHash ?? (await decoyHash));
    if (!user || !isValid) {
      throttle.recordFailure(attempt, now);
      ctx.log.info({ hasUser: Boolean(user) }, 'login rejected');
      throw new AppError('unauthorized', 'Wrong e-mail address or password');
    }
    throttle.clearAccount(attempt);
    const session = await createSession(ctx.db, user.id, now);
    setSessionCookie(res, session.token, session.expiresAt, cookieOptions);
    ctx.log.info({ userId: user.id, businessId: user.businessId }, 'user logged in');
    const { passwordHash: _hash, ...publicUser } = user;
    res.json({ user: publicUser });
  });

  router.post('/logout', requireSession(ctx), async (_req, res) => {
    const { sessionId, user } = sessionOf(res);
    await deleteSession(ctx.db, sessionId);
    ctx.realtime.disconnectSession(sessionId);
    clearSessionCookie(res, cookieOptions);
    ctx.log.info({ userId: user.id }, 'user logged out');
    res.json({ ok: true });
  });

  // A wrong current password counts as a failed login, so a stolen session cannot be used to
  // guess the password any faster than the login form allows.
  router.post('/password', requireSession(ctx), async (req, res) => {
    const { currentPassword, newPassword } = parseInput(passwordChangeSchema, req.body);
    const { sessionId, user } = sessionOf(res);
    const attempt = { email: user.email, address: req.ip ?? req.socket.remoteAddress ?? 'unknown' };
    if (throttle.isBlocked(attempt, ctx.now())) {
      throw new AppError('rate_limited', 'Too many wrong passwords. Wait 15 minutes and try again');
    }
    const storedHash = await findPasswordHash(ctx.db, user.id);
    if (!storedHash || !(await verifyPassword(currentPassword, storedHash))) {
      throttle.recordFailure(attempt, ctx.now());
      ctx.log.info({ userId: user.id }, 'password change rejected');
      throw new AppError('forbidden', 'The current password is wrong');
    }
    if (newPassword === currentPassword) {
      throw new AppError('bad_request', 'The new password is the same as the current one. Choose another');
    }
    throttle.clearAccount(attempt);
    await updateUser(ctx.db, user.id, { passwordHash: await hashPassword(newPassword) });
    const endedSessionIds = await deleteOtherSessionsOfUser(ctx.db, user.id, sessionId);
    for (const endedSessionId of endedSessionIds) {
      ctx.realtime.disconnectSession(endedSessionId);
    }
    ctx.log.info(
      { userId: user.id, businessId: user.businessId, endedSessions: endedSessionIds.length },
      'password changed',
    );
    res.json({ ok: true, endedSessions: endedSessionIds.length });
  });

  router.get('/me', requireSession(ctx), async (_req, res) => {
    const { user } = sessionOf(res);
    const business = await findBusinessById(ctx.db, user.businessId);
    if (!business) {
      throw new AppError('not_found', 'Business not found');
    }
    res.json({
      user,
      business: { id: business.id, name: business.name, phoneNumber: business.phoneNumber },
      hasSimulator: options.hasSimulator,
    });
  });

  return router;
}
