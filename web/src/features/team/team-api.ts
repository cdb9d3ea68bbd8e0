import { z } from 'zod';
import { requestJson } from '../../lib/api-client.ts';
import type { TeamMember } from '../inbox/inbox-api.ts';

export interface NewTeamMember {
  name: string;
  email: string;
  password: string;
  role: string;
}

/** Calls to change the team; the server lets only owners make them. */
export const teamApi = {
  add(member: NewTeamMember): Promise<unknown> {
    return requestJson('/app-api/team', z.unknown(), { method: 'POST', body: member });
  },

  /** Changes a member's role or sets their password, which logs them out everywhere. */
  update(id: string, update: { role?: TeamMember['role']; password?: string }): Promise<unknown> {
    return requestJson(`/app-api/team/${id}`, z.unknown(), { method: 'PATCH', body: update });
  },

  remove(id: string): Promise<unknown> {
    return requestJson(`/app-api/team/${id}`, z.unknown(), { method: 'DELETE' });
  },
};
