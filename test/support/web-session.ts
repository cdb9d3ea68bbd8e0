import request from 'supertest';
import type { Express } from 'express';
import { hashPassword } from '../../server/auth/hash-password.ts';
import { createUser } from '../../server/auth/user-repo.ts';
import type { Role, User } from '../../server/auth/user.ts';
import type { Database } from '../../server/db/open-database.ts';

export const testPassword = 'correct horse battery';

/** Requests as one logged-in user of the web app, with the session cookie and CSRF header set. */
export interface WebSession {
  user: User;
  cookie: string;
  get: (path: string) => request.Test;
  post: (path: string) => request.Test;
  patch: (path: string) => request.Test;
  delete: (path: string) => request.Test;
}

export interface CreateWebSessionOptions {
  businessId: string;
  email: string;
  role?: Role;
  name?: string;
}

let cachedHash: Promise<string> | null = null;

/** Creates a user with `testPassword` and logs them in through the real login route. */
export async function createWebSession(
  app: Express,
  db: Database,
  options: CreateWebSessionOptions,
): Promise<WebSession> {
  cachedHash ??= hashPassword(testPassword);
  const user = await createUser(db, {
    businessId: options.businessId,
    email: options.email,
    name: options.name ?? options.email.split('@')[0] ?? 'Test',
    role: options.role ?? 'staff',
    passwordHash: await cachedHash,
  });
  if (!user) {
    throw new Error(`Could not create the test user ${options.email}`);
  }
  const login = await request(app)
    .post('/app-api/auth/login')
    .set('X-Requested-With', 'textback')
    .send({ email: options.email, password: testPassword });
  const setCookie = login.headers['set-cookie'] as unknown as string[] | undefined;
  const cookie = setCookie?.[0]?.split(';')[0];
  if (login.status !== 200 || !cookie) {
    throw new Error(`Login failed for ${options.email}: ${login.status} ${JSON.stringify(login.body)}`);
  }
  const withSession = (test: request.Test) =>
    test.set('Cookie', cookie).set('X-Requested-With', 'textback');
  return {
    user,
    cookie,
    get: (path) => withSession(request(app).get(path)),
    post: (path) => withSession(request(app).post(path)),
    patch: (path) => withSession(request(app).patch(path)),
    delete: (path) => withSession(request(app).delete(path)),
  };
}
