import { Router } from 'express';
import { stringify as toYaml } from 'yaml';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { findBusinessById } from '../businesses/business-repo.ts';
import { findContactByPhone } from '../contacts/contact-repo.ts';
import { findConversationById, findOpenConversation } from '../conversations/conversation-repo.ts';
import { recordBooking } from '../conversations/record-booking.ts';
import { recordEvent } from '../events/event-repo.ts';
import { AppError } from '../lib/errors.ts';
import { parseInput } from '../lib/parse-body.ts';
import { toE164 } from '../lib/phone-number.ts';
import { automationSettingsSchema, findAutomationSettings, saveAutomationSettings } from './automation-settings.ts';
import { listBusinessWorkflows } from './list-business-workflows.ts';
import { parseWorkflowSource } from './parse-workflow-source.ts';
import { startWorkflowRun } from './start-workflow-run.ts';
import { stopWorkflowRun } from './stop-workflow-run.ts';
import { deleteStoredWorkflow, saveStoredWorkflow } from './workflow-repo.ts';
import { listActiveRuns, listRunsForConversation, listStepsForConversation } from './workflow-run-repo.ts';

const businessParams = z.object({ businessId: z.uuid('Invalid business id') });
const workflowParams = businessParams.extend({ key: z.string().regex(/^[a-z0-9-]+$/, 'Invalid workflow key') });
const conversationParams = z.object({ conversationId: z.uuid('Invalid conversation id') });
const conversationWorkflowParams = conversationParams.extend({ key: z.string().regex(/^[a-z0-9-]+$/) });
/** A workflow as YAML text in `source`, or as a JSON object in `definition`. */
const workflowBody = z.union([
  z.object({ source: z.string().min(1).max(20_000) }),
  z.object({ definition: z.record(z.string(), z.unknown()) }),
]);
const outboundCallBody = z.object({ to: z.string().min(3).max(40) });

/** REST routes for workflows, automation settings, and each conversation's workflow steps. */
export function createWorkflowRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/businesses/:businessId/workflows', async (req, res) => {
    const { businessId } = parseInput(businessParams, req.params);
    await requireBusiness(ctx, businessId);
    const workflows = await listBusinessWorkflows(ctx.db, businessId, ctx.automation?.fileWorkflows ?? []);
    res.json({ isRunning: ctx.automation !== undefined, workflows });
  });

  router.put('/businesses/:businessId/workflows/:key', async (req, res) => {
    const { businessId, key } = parseInput(workflowParams, req.params);
    await requireBusiness(ctx, businessId);
    const body = parseInput(workflowBody, req.body);
    const source = 'source' in body ? body.source : toYaml(body.definition);
    const parsed = parseWorkflowSource(source);
    if (!parsed.ok) {
      throw new AppError('bad_request', `Invalid workflow: ${parsed.problems.map((problem) => `${problem.field || 'workflow'}: ${problem.message}`).join('; ')}`, parsed.problems);
    }
    if (parsed.definition.key !== key) {
      throw new AppError('bad_request', `The workflow's key "${parsed.definition.key}" does not match the URL's "${key}"`);
    }
    await saveStoredWorkflow(ctx.db, businessId, { source, definition: parsed.definition });
    ctx.log.info({ businessId, workflow: key }, 'workflow saved');
    res.json({ workflow: { definition: parsed.definition, origin: 'api' } });
  });

  router.delete('/businesses/:businessId/workflows/:key', async (req, res) => {
    const { businessId, key } = parseInput(workflowParams, req.params);
    if (!(await deleteStoredWorkflow(ctx.db, businessId, key))) {
      throw new AppError('not_found', 'The business has no workflow of its own with this key');
    }
    ctx.log.info({ businessId, workflow: key }, 'workflow deleted');
    res.status(204).end();
  });

  router.get('/businesses/:businessId/automation', async (req, res) => {
    const { businessId } = parseInput(businessParams, req.params);
    await requireBusiness(ctx, businessId);
    res.json({ automation: await findAutomationSettings(ctx.db, businessId) });
  });

  router.put('/businesses/:businessId/automation', async (req, res) => {
    const { businessId } = parseInput(businessParams, req.params);
    const settings = parseInput(automationSettingsSchema, req.body);
    if (!(await saveAutomationSettings(ctx.db, businessId, settings))) {
      throw new AppError('not_found', 'Business not found');
    }
    ctx.log.info({ businessId }, 'automation settings saved');
    res.json({ automation: settings });
  });

  router.post('/businesses/:businessId/outbound-calls', async (req, res) => {
    const { businessId } = parseInput(businessParams, req.params);
    await requireBusiness(ctx, businessId);
    const to = toE164(parseInput(outboundCallBody, req.body).to);
    if (!to) {
      throw new AppError('bad_request', 'Invalid phone number in "to"; use E.164 such as +15555550100');
    }
    const contact = await findContactByPhone(ctx.db, businessId, to);
    const conversation = contact ? await findOpenConversation(ctx.db, contact.id) : null;
    await recordEvent(ctx.db, {
      businessId,
      conversationId: conversation?.id ?? null,
      type: 'call.outbound',
      data: { to, at: ctx.now().toISOString() },
    });
    res.status(201).json({ ok: true });
  });

  router.get('/conversations/:conversationId/workflows', async (req, res) => {
    const { conversationId } = parseInput(conversationParams, req.params);
    await requireConversation(ctx, conversationId);
    const [runs, steps] = await Promise.all([
      listRunsForConversation(ctx.db, conversationId),
      listStepsForConversation(ctx.db, conversationId),
    ]);
    res.json({
      runs: runs.map(({ definition, ...run }) => ({
        ...run,
        name: definition.name,
        steps: steps.filter((step) => step.runId === run.id).map(({ jobId: _jobId, ...step }) => step),
      })),
    });
  });

  router.post('/conversations/:conversationId/workflows/:key/start', async (req, res) => {
    const { conversationId, key } = parseInput(conversationWorkflowParams, req.params);
    const conversation = await requireConversation(ctx, conversationId);
    if (!ctx.automation) {
      throw new AppError('conflict', 'Workflows are not running on this server');
    }
    const workflows = await listBusinessWorkflows(ctx.db, conversation.businessId, ctx.automation.fileWorkflows);
    const workflow = workflows.find((candidate) => candidate.definition.key === key);
    if (!workflow) {
      throw new AppError('not_found', 'Workflow not found');
    }
    const result = await startWorkflowRun(ctx, conversation, workflow.definition, 'manual');
    if (result.status !== 'started') {
      throw new AppError('conflict', 'The workflow is already running for this conversation');
    }
    res.status(201).json({ runId: result.run.id });
  });

  router.post('/conversations/:conversationId/workflows/:key/stop', async (req, res) => {
    const { conversationId, key } = parseInput(conversationWorkflowParams, req.params);
    await requireConversation(ctx, conversationId);
    const runs = (await listActiveRuns(ctx.db, conversationId)).filter((run) => run.workflowKey === key);
    for (const run of runs) {
      await stopWorkflowRun(ctx, run, 'stopped through the API');
    }
    res.json({ stopped: runs.length });
  });

  router.post('/conversations/:conversationId/booking', async (req, res) => {
    const { conversationId } = parseInput(conversationParams, req.params);
    const conversation = await requireConversation(ctx, conversationId);
    const bookedAt = await recordBooking(ctx, conversation, { userId: null });
    res.status(201).json({ ok: true, bookedAt });
  });

  return router;
}

async function requireBusiness(ctx: AppContext, businessId: string): Promise<void> {
  if (!(await findBusinessById(ctx.db, businessId))) {
    throw new AppError('not_found', 'Business not found');
  }
}

async function requireConversation(ctx: AppContext, conversationId: string) {
  const conversation = await findConversationById(ctx.db, conversationId);
  if (!conversation) {
    throw new AppError('not_found', 'Conversation not found');
  }
  return conversation;
}
