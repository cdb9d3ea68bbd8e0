import { Router } from 'express';
import type { Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { hashPassword } from '../auth/hash-password.ts';
import { requireRole, sessionOf } from '../auth/require-session.ts';
import { deleteSessionsOfUser } from '../auth/session-repo.ts';
import { emailSchema, passwordSchema, roleSchema } from '../auth/user.ts';
import type { User } from '../auth/user.ts';
import {
  countOwners,
  createUser,
  deleteUser,
  findUserInBusiness,
  listUsers,
  updateUser,
} from '../auth/user-repo.ts';
import { AppError } from '../lib/errors.ts';
import { parseInput } from '../lib/parse-body.ts';

const paramsSchema = z.object({ userId: z.uuid('Invalid user id') });
const nameSchema = z.string().trim().min(1, 'The name is empty').max(120);
const newMemberSchema = z.object({
  email: emailSchema,
  name: nameSchema,
  role: roleSchema,
  password: passwordSchema,
});
const memberUpdateSchema = z
  .object({ name: nameSchema, role: roleSchema, password: passwordSchema })
  .partial()
  .strict();

/**
 * Team members of the logged-in user's business. Everyone can list them (to assign
 * conversations); only owners add, change or remove them, and the last owner always stays.
 * A new password set here for a member logs them out everywhere.
 */
export function createTeamRoutes(ctx: AppContext): Router {
  const router = Router();
  const ownersOnly = requireRole('owner');

  router.get('/', async (_req, res) => {
    res.json({ members: await listUsers(ctx.db, sessionOf(res).user.businessId) });
  });

  router.post('/', ownersOnly, async (req, res) => {
    const input = parseInput(newMemberSchema, req.body);
    const { user } = sessionOf(res);
    const member = await createUser(ctx.db, {
      businessId: user.businessId,
      email: input.email,
      name: input.name,
      role: input.role,
      passwordHash: await hashPassword(input.password),
    });
    if (!member) {
      throw new AppError('conflict', `Someone already uses ${input.email}`);
    }
    ctx.log.info({ businessId: user.businessId, userId: member.id, role: member.role }, 'team member added');
    res.status(201).json({ member });
  });

  router.patch('/:userId', ownersOnly, async (req, res) => {
    const member = await loadMember(ctx, req.params, res);
    const update = parseInput(memberUpdateSchema, req.body);
    // Setting a password here ends all the member's sessions and skips the current-password
    // check of POST /auth/password, so an owner changes their own password there instead.
    if (update.password && member.id === sessionOf(res).user.id) {
      throw new AppError('bad_request', 'Change your own password under Your account, with your current password');
    }
    if (update.role === 'staff' && member.role === 'owner') {
      await ensureAnotherOwner(ctx, member);
    }
    const updated = await updateUser(ctx.db, member.id, {
      name: update.name,
      role: update.role,
      passwordHash: update.password ? await hashPassword(update.password) : undefined,
    });
    if (update.password) {
      await deleteSessionsOfUser(ctx.db, member.id);
      ctx.realtime.disconnectUser(member.id);
    }
    ctx.log.info({ businessId: member.businessId, userId: member.id, fields: Object.keys(update) }, 'team member changed');
    res.json({ member: updated });
  });

  router.delete('/:userId', ownersOnly, async (req, res) => {
    const member = await loadMember(ctx, req.params, res);
    if (member.role === 'owner') {
      await ensureAnotherOwner(ctx, member);
    }
    await deleteUser(ctx.db, member.id);
    ctx.realtime.disconnectUser(member.id);
    ctx.log.info({ businessId: member.businessId, userId: member.id }, 'team member removed');
    res.json({ ok: true });
  });

  return router;
}

async function loadMember(ctx: AppContext, params: unknown, res: Response): Promise<User> {
  const { userId } = parseInput(paramsSchema, params);
  const member = await findUserInBusiness(ctx.db, sessionOf(res).user.businessId, userId);
  if (!member) {
    throw new AppError('not_found', 'Team member not found');
  }
  return member;
}

async function ensureAnotherOwner(ctx: AppContext, owner: User): Promise<void> {
  if ((await countOwners(ctx.db, owner.businessId)) <= 1) {
    throw new AppError('conflict', 'A business needs at least one owner; make someone else owner first');
  }
}
