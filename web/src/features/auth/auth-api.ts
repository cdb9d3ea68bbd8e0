import { z } from 'zod';
import { requestJson } from '../../lib/api-client.ts';

const userSchema = z.object({
  id: z.string(),
  businessId: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['owner', 'staff']),
});
export type SessionUser = z.infer<typeof userSchema>;

const meSchema = z.object({
  user: userSchema,
  business: z.object({ id: z.string(), name: z.string(), phoneNumber: z.string() }),
  hasSimulator: z.boolean(),
});
export type Me = z.infer<typeof meSchema>;

const passwordChangeSchema = z.object({ endedSessions: z.number() });

/** Calls to log in and out, to read the logged-in user and to change their password. */
export const authApi = {
  fetchMe(signal?: AbortSignal): Promise<Me> {
    return requestJson('/app-api/auth/me', meSchema, { signal });
  },

  logIn(email: string, password: string): Promise<{ user: SessionUser }> {
    return requestJson('/app-api/auth/login', z.object({ user: userSchema }), {
      method: 'POST',
      body: { email, password },
    });
  },

  logOut(): Promise<unknown> {
    return requestJson('/app-api/auth/logout', z.unknown(), { method: 'POST' });
  },

  /** Changes the logged-in user's password. The server ends their other sessions. */
  changePassword(currentPassword: string, newPassword: string): Promise<{ endedSessions: number }> {
    return requestJson('/app-api/auth/password', passwordChangeSchema, {
      method: 'POST',
      body: { currentPassword, newPassword },
    });
  },
};
