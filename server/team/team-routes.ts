import { sql } from 'drizzle-orm';
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
import type { Database } from '../db/open-database.ts';
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
    const changes = {
      name: update.name,
      role: update.role,
      passwordHash: update.password ? await hashPassword(update.password) : undefined,
    };
    const updated =
      update.role === 'staff' && member.role === 'owner'
        ? await withAnotherOwner(ctx, member, (db) => updateUser(db, member.id, changes))
        : await updateUser(ctx.db, member.id, changes);
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
      await withAnotherOwner(ctx, member, (db) => deleteUser(db, member.id));
    } else {
      await deleteUser(ctx.db, member.id);
    }
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

/**
 * Runs `change` to demote or remove `owner` if another owner remains. A lock per business makes
 * two owners removing each other at once take turns, so the second finds itself the last one.
 */
async function withAnotherOwner<Result>(
  ctx: AppContext,
  owner: User,
  change: (db: Database) => Promise<Result>,
): Promise<Result> {
  return ctx.db.transaction(async (tx) => {
    const db = tx as unknown as Database;
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`owners:${owner.businessId}`}))`);
    if ((await countOwners(db, owner.businessId)) <= 1) {
      throw new AppError('conflict', 'A business needs at least one owner; make someone else owner first');
    }
    return change(db);
  });
}
