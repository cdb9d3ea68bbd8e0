import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/errors.ts';
import { parseInput } from '../lib/parse-body.ts';
import { chooseBusinessFlow } from './choose-business-flow.ts';
import { findFlowVersion, findStoredFlow, listFlowVersions, listStoredFlows } from './flow-repo.ts';
import { runTestChat } from './run-test-chat.ts';
import type { TestChatResult } from './run-test-chat.ts';
import { saveFlowVersion } from './save-flow-version.ts';
import type { SaveFlowVersionResult } from './save-flow-version.ts';
import { describeFlow, maxFlowSourceLength, validateFlowSource } from './validate-flow-source.ts';

const flowIdSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'Invalid flow id');
const flowParamsSchema = z.object({ flowId: flowIdSchema });
const versionParamsSchema = z.object({
  flowId: flowIdSchema,
  hash: z.string().regex(/^[0-9a-f]{16}$/, 'Invalid version hash'),
});
const businessParamsSchema = z.object({ businessId: z.uuid('Invalid business id') });
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
 */
export function createFlowRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/flows', async (_req, res) => {
    const flows = await listStoredFlows(ctx.db);
    res.json({ flows });
  });

  router.post('/flows', async (req, res) => {
    const { source } = parseInput(sourceBodySchema, req.body);
    const saved = throwUnlessSaved(await saveFlowVersion(ctx, { source, flowId: null }));
    res.status(201).json({ flow: saved.flow, version: saved.version });
  });

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

  router.get('/flows/:flowId', async (req, res) => {
    const { flowId } = parseInput(flowParamsSchema, req.params);
    const flow = await findStoredFlow(ctx.db, flowId);
    const current = flow === null ? null : await findFlowVersion(ctx.db, flowId, flow.currentHash);
    const loaded = ctx.flows.catalog().current.get(flowId);
    if (flow === null || current === null) {
      throw new AppError('not_found', `Flow "${flowId}" not found`);
    }
    const overview = loaded === undefined ? null : describeFlow(loaded);
    res.json({ flow: { ...flow, source: current.source, version: current, overview } });
  });

  router.get('/flows/:flowId/versions', async (req, res) => {
    const { flowId } = parseInput(flowParamsSchema, req.params);
    if ((await findStoredFlow(ctx.db, flowId)) === null) {
      throw new AppError('not_found', `Flow "${flowId}" not found`);
    }
    res.json({ versions: await listFlowVersions(ctx.db, flowId) });
  });

  router.get('/flows/:flowId/versions/:hash', async (req, res) => {
    const { flowId, hash } = parseInput(versionParamsSchema, req.params);
    const version = await findFlowVersion(ctx.db, flowId, hash);
    if (version === null) {
      throw new AppError('not_found', `Version ${hash} of flow "${flowId}" not found`);
    }
    res.json({ version });
  });

  router.post('/flows/:flowId/versions', async (req, res) => {
    const { flowId } = parseInput(flowParamsSchema, req.params);
    const { source } = parseInput(sourceBodySchema, req.body);
    const saved = throwUnlessSaved(await saveFlowVersion(ctx, { source, flowId }));
    res.status(saved.isNew ? 201 : 200).json({ flow: saved.flow, version: saved.version });
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

  return router;
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
