import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { requireRole, sessionOf } from '../auth/require-session.ts';
import { findFlowVersion, listFlowVersions, listStoredFlows } from '../flows/flow-repo.ts';
import { runTestChat } from '../flows/run-test-chat.ts';
import { saveFlowVersion } from '../flows/save-flow-version.ts';
import { maxFlowSourceLength, validateFlowSource } from '../flows/validate-flow-source.ts';
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
 * The browser's flow editor: list and read flows, check a draft, chat with a draft, and save it
 * as a new version. Owners only. Test chats use the owner's business for names and links.
 */
export function createFlowEditorRoutes(ctx: AppContext): Router {
  const router = Router();
  router.use(requireRole('owner'));

  router.get('/', async (_req, res) => {
    const stored = await listStoredFlows(ctx.db);
    res.json({ flows: stored.map(({ id, name, currentHash, updatedAt }) => ({ id, name, currentHash, updatedAt })) });
  });

  router.get('/:flowId', async (req, res) => {
    const { flowId } = parseInput(paramsSchema, req.params);
    const stored = (await listStoredFlows(ctx.db)).find((flow) => flow.id === flowId);
    const current = stored ? await findFlowVersion(ctx.db, flowId, stored.currentHash) : null;
    if (!stored || !current) {
      throw new AppError('not_found', `Flow "${flowId}" not found`);
    }
    const versions = await listFlowVersions(ctx.db, flowId);
    res.json({ flow: { id: stored.id, name: stored.name, current, versions } });
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
    const result = await saveFlowVersion({ db: ctx.db, flows: ctx.flows, log: ctx.log }, { source, flowId });
    if (!result.ok) {
      if (result.code === 'invalid') {
        throw new AppError('bad_request', 'The flow has problems; nothing was saved', result.problems);
      }
      throw new AppError(result.code === 'not_found' ? 'not_found' : 'conflict', result.message);
    }
    ctx.log.info({ flowId, userId: sessionOf(res).user.id, number: result.version.number }, 'flow saved from the web app');
    res.status(result.isNew ? 201 : 200).json({ version: result.version, flow: result.flow });
  });

  return router;
}
