import { Router } from 'express';
import type { Request } from 'express';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { findBusinessById } from '../businesses/business-repo.ts';
import { AppError } from '../lib/errors.ts';
import { parseInput } from '../lib/parse-body.ts';
import { chooseBusinessFlow } from './choose-business-flow.ts';
import { runTestChat } from './run-test-chat.ts';
import type { TestChatResult } from './run-test-chat.ts';
import { saveFlowVersion } from './save-flow-version.ts';
import type { SaveFlowVersionResult } from './save-flow-version.ts';
import { describeFlow, maxFlowSourceLength, validateFlowSource } from './validate-flow-source.ts';
import {
  findVisibleFlow,
  findVisibleFlowVersion,
  listVisibleFlowVersions,
  listVisibleFlows,
} from './visible-flows.ts';

const flowIdSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'Invalid flow id');
const flowParamsSchema = z.object({ flowId: flowIdSchema });
const versionParamsSchema = z.object({
  flowId: flowIdSchema,
  hash: z.string().regex(/^[0-9a-f]{16}$/, 'Invalid version hash'),
});
const businessParamsSchema = z.object({ businessId: z.uuid('Invalid business id') });
const ownerParamsSchema = z.object({ businessId: z.uuid('Invalid business id').optional() });
const sourceBodySchema = z.object({ source: z.string().max(maxFlowSourceLength) });
const chooseFlowBodySchema = z.object({ flowId: flowIdSchema });

const slotValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const botStateSchema = z.object({
  flowId: flowIdSchema,
  flowVersion: z.string(),
  stepId: z.string().nullable(),
  slots: z.record(z.string(), slotValueSchema),
  attempts: z.int().min(0),
});
const testChatBodySchema = z
  .object({
    flowId: flowIdSchema.optional(),
    source: z.string().max(maxFlowSourceLength).optional(),
    businessId: z.uuid('Invalid business id').optional(),
    state: botStateSchema.nullable().default(null),
    text: z.string().max(1600),
    mediaCount: z.int().min(0).max(10).optional(),
  })
  .refine((body) => (body.flowId === undefined) !== (body.source === undefined), {
    message: 'Give either flowId or source',
  });

/**
 * REST routes to list, read, validate and save bot flows, list their versions, choose a
 * business's flow, and try a flow in a test chat that texts nobody. The logic lives in plain
 * functions (`saveFlowVersion`, `runTestChat`, ...) that other routes can call.
 *
 * The same flow routes are mounted twice. Under `/flows` they manage the templates shared by
 * every business. Under `/businesses/:businessId/flows` they show that business's flows (the
 * templates plus its own, its own winning on a shared id) and save to its own flows only.
 */
export function createFlowRoutes(ctx: AppContext): Router {
  const router = Router();

  router.post('/flows/validate', (req, res) => {
    const { source } = parseInput(sourceBodySchema, req.body);
    const result = validateFlowSource(source);
    res.json(
      result.valid ? { valid: true, flow: result.overview } : { valid: false, problems: result.problems },
    );
  });

  router.post('/flows/test-chat', async (req, res) => {
    const body = parseInput(testChatBodySchema, req.body);
    const result = await runTestChat(ctx, body);
    res.json(throwUnlessTurn(result));
  });

  router.put('/businesses/:businessId/flow', async (req, res) => {
    const { businessId } = parseInput(businessParamsSchema, req.params);
    const { flowId } = parseInput(chooseFlowBodySchema, req.body);
    const result = await chooseBusinessFlow(ctx, businessId, flowId);
    if (!result.ok) {
      throw new AppError('not_found', result.message);
    }
    ctx.log.info({ businessId, flowId }, 'business flow chosen');
    res.json({ business: result.business });
  });

  const store = createFlowStoreRoutes(ctx);
  router.use('/flows', store);
  router.use('/businesses/:businessId/flows', store);
  return router;
}

/** Lists, reads and saves flows for the templates, or for the business in the path. */
function createFlowStoreRoutes(ctx: AppContext): Router {
  const router = Router({ mergeParams: true });

  router.get('/', async (req, res) => {
    const businessId = await findOwnerId(ctx, req);
    res.json({ flows: await listVisibleFlows(ctx.db, businessId) });
  });

  router.post('/', async (req, res) => {
    const businessId = await findOwnerId(ctx, req);
    const { source } = parseInput(sourceBodySchema, req.body);
    const input = { source, flowId: null, businessId };
    const saved = throwUnlessSaved(await saveFlowVersion(ctx, input));
    res.status(201).json({ flow: saved.flow, owner: saved.owner, version: saved.version });
  });

  router.get('/:flowId', async (req, res) => {
    const businessId = await findOwnerId(ctx, req);
    const { flowId } = parseInput(flowParamsSchema, req.params);
    const flow = await findVisibleFlow(ctx.db, businessId, flowId);
    const current =
      flow === null
        ? null
        : await findVisibleFlowVersion(ctx.db, businessId, flowId, flow.currentHash);
    if (flow === null || current === null) {
      throw new AppError('not_found', `Flow "${flowId}" not found`);
    }
    await ctx.flows.refresh(businessId);
    const loaded = ctx.flows.catalogFor(businessId).current.get(flowId);
    const overview = loaded === undefined ? null : describeFlow(loaded);
    res.json({ flow: { ...flow, source: current.source, version: current, overview } });
  });

  router.get('/:flowId/versions', async (req, res) => {
    const businessId = await findOwnerId(ctx, req);
    const { flowId } = parseInput(flowParamsSchema, req.params);
    const flow = await findVisibleFlow(ctx.db, businessId, flowId);
    if (flow === null) {
      throw new AppError('not_found', `Flow "${flowId}" not found`);
    }
    const versions = await listVisibleFlowVersions(ctx.db, flow, businessId);
    res.json({ owner: flow.owner, versions });
  });

  router.get('/:flowId/versions/:hash', async (req, res) => {
    const businessId = await findOwnerId(ctx, req);
    const { flowId, hash } = parseInput(versionParamsSchema, req.params);
    const version = await findVisibleFlowVersion(ctx.db, businessId, flowId, hash);
    if (version === null) {
      throw new AppError('not_found', `Version ${hash} of flow "${flowId}" not found`);
    }
    res.json({ version });
  });

  router.post('/:flowId/versions', async (req, res) => {
    const businessId = await findOwnerId(ctx, req);
    const { flowId } = parseInput(flowParamsSchema, req.params);
    const { source } = parseInput(sourceBodySchema, req.body);
    const saved = throwUnlessSaved(await saveFlowVersion(ctx, { source, flowId, businessId }));
    const status = saved.isNew ? 201 : 200;
    res.status(status).json({ flow: saved.flow, owner: saved.owner, version: saved.version });
  });

  return router;
}

/** Reads the business in the path, or null under `/flows`, where the templates are managed. */
async function findOwnerId(ctx: AppContext, req: Request): Promise<string | null> {
  const { businessId } = parseInput(ownerParamsSchema, req.params);
  if (businessId === undefined) {
    return null;
  }
  if ((await findBusinessById(ctx.db, businessId)) === null) {
    throw new AppError('not_found', 'Business not found');
  }
  return businessId;
}

function throwUnlessSaved(result: SaveFlowVersionResult): Extract<SaveFlowVersionResult, { ok: true }> {
  if (result.ok) {
    return result;
  }
  switch (result.code) {
    case 'invalid':
      throw new AppError('invalid_flow', describeProblems(result.problems.length), result.problems);
    case 'not_found':
      throw new AppError('not_found', result.message);
    case 'exists':
    case 'conflict':
      throw new AppError('conflict', result.message);
    case 'id_mismatch':
      throw new AppError('bad_request', result.message);
  }
}

function throwUnlessTurn(result: TestChatResult): Extract<TestChatResult, { ok: true }>['turn'] {
  if (result.ok) {
    return result.turn;
  }
  if (result.code === 'invalid') {
    throw new AppError('invalid_flow', describeProblems(result.problems.length), result.problems);
  }
  throw new AppError(result.code, result.message);
}

function describeProblems(count: number): string {
  return `The flow is invalid: ${count} problem${count === 1 ? '' : 's'}, listed in details`;
}
