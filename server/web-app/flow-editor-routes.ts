import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { requireRole, sessionOf } from '../auth/require-session.ts';
import { runTestChat } from '../flows/run-test-chat.ts';
import { saveFlowVersion } from '../flows/save-flow-version.ts';
import { maxFlowSourceLength, validateFlowSource } from '../flows/validate-flow-source.ts';
import {
  findVisibleFlow,
  findVisibleFlowVersion,
  listVisibleFlowVersions,
  listVisibleFlows,
} from '../flows/visible-flows.ts';
import { AppError } from '../lib/errors.ts';
import { parseInput } from '../lib/parse-body.ts';

const paramsSchema = z.object({ flowId: z.string().regex(/^[a-z0-9_-]+$/, 'Invalid flow id') });
const sourceSchema = z.object({ source: z.string().max(maxFlowSourceLength) });
const botStateSchema = z
  .object({
    flowId: z.string(),
    flowVersion: z.string(),
    stepId: z.string().nullable(),
    slots: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    attempts: z.number(),
  })
  .loose();
const trySchema = z.object({
  source: z.string().max(maxFlowSourceLength),
  text: z.string().max(1600),
  state: botStateSchema.nullable(),
});

/**
 * Creates the routes of the browser's flow editor, for owners only: list and read flows, check a
 * draft, chat with a draft, and save it as a new version. An owner reads the shared templates and
 * their own business's flows, never another business's. Saving stores the business's own flow,
 * so saving a template's id creates the business's copy and leaves the template unchanged. Test
 * chats use the owner's business for names and links.
 */
export function createFlowEditorRoutes(ctx: AppContext): Router {
  const router = Router();
  router.use(requireRole('owner'));

  router.get('/', async (_req, res) => {
    const visible = await listVisibleFlows(ctx.db, sessionOf(res).user.businessId);
    const flows = visible.map(({ id, name, currentHash, updatedAt, owner }) => ({
      id,
      name,
      currentHash,
      updatedAt,
      owner,
    }));
    res.json({ flows });
  });

  router.get('/:flowId', async (req, res) => {
    const { flowId } = parseInput(paramsSchema, req.params);
    const businessId = sessionOf(res).user.businessId;
    const stored = await findVisibleFlow(ctx.db, businessId, flowId);
    const current = stored
      ? await findVisibleFlowVersion(ctx.db, businessId, flowId, stored.currentHash)
      : null;
    if (!stored || !current) {
      throw new AppError('not_found', `Flow "${flowId}" not found`);
    }
    const versions = await listVisibleFlowVersions(ctx.db, stored, businessId);
    const { id, name, owner } = stored;
    res.json({ flow: { id, name, owner, current, versions } });
  });

  router.post('/check', (req, res) => {
    const { source } = parseInput(sourceSchema, req.body);
    const result = validateFlowSource(source);
    res.json(result.valid ? { valid: true, problems: [] } : { valid: false, problems: result.problems });
  });

  router.post('/try', async (req, res) => {
    const input = parseInput(trySchema, req.body);
    const result = await runTestChat(
      { db: ctx.db, flows: ctx.flows, now: ctx.now },
      {
        source: input.source,
        text: input.text,
        state: input.state as Parameters<typeof runTestChat>[1]['state'],
        businessId: sessionOf(res).user.businessId,
      },
    );
    if (!result.ok) {
      const message = result.code === 'invalid' ? 'The flow has problems; fix them to try it' : result.message;
      throw new AppError('bad_request', message, result.code === 'invalid' ? result.problems : undefined);
    }
    const { replies, state, outcome, summary } = result.turn;
    res.json({ turn: { replies, state, outcome, summary } });
  });

  router.post('/:flowId/versions', async (req, res) => {
    const { flowId } = parseInput(paramsSchema, req.params);
    const { source } = parseInput(sourceSchema, req.body);
    const { user } = sessionOf(res);
    const result = await saveFlowVersion(
      { db: ctx.db, flows: ctx.flows, log: ctx.log },
      { source, flowId, businessId: user.businessId },
    );
    if (!result.ok) {
      if (result.code === 'invalid') {
        throw new AppError('bad_request', 'The flow has problems; nothing was saved', result.problems);
      }
      throw new AppError(result.code === 'not_found' ? 'not_found' : 'conflict', result.message);
    }
    const { version, flow, owner, isNew } = result;
    const fields = { businessId: user.businessId, userId: user.id, flowId, number: version.number };
    ctx.log.info(fields, 'flow saved from the web app');
    res.status(isNew ? 201 : 200).json({ version, flow, owner });
  });

  return router;
}
