import { randomBytes } from 'node:crypto';
import { Router } from 'express';
import type { Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { sessionOf } from '../auth/require-session.ts';
import { findBusinessById } from '../businesses/business-repo.ts';
import type { Business } from '../businesses/business.ts';
import { listCallsByCaller } from '../calls/call-repo.ts';
import { findContactByPhone } from '../contacts/contact-repo.ts';
import { findOpenConversation } from '../conversations/conversation-repo.ts';
import { AppError } from '../lib/errors.ts';
import { parseInput } from '../lib/parse-body.ts';
import { toE164 } from '../lib/phone-number.ts';
import { listMessages } from '../messages/message-repo.ts';
import type { SandboxProvider } from '../providers/sandbox-provider.ts';

export const defaultCallerNumber = '+15555550123';

const phoneSchema = z.string().transform((value, ctx) => {
  const e164 = toE164(value);
  if (!e164) {
    ctx.addIssue({ code: 'custom', message: `Invalid phone number "${value}"` });
    return z.NEVER;
  }
  return e164;
});

const callSchema = z.object({
  businessNumber: phoneSchema,
  callerNumber: z.string().max(32),
  outcome: z.enum(['no-answer', 'busy', 'canceled', 'completed']),
});
const messageSchema = z.object({
  businessNumber: phoneSchema,
  callerNumber: phoneSchema,
  body: z.string().min(1, 'The message is empty').max(1600),
});
const threadQuerySchema = z.object({ businessNumber: phoneSchema, callerNumber: phoneSchema });

/**
 * The phone simulator's API: it plays the carrier, posting the same signed webhooks Twilio
 * would, so a simulated call goes through the code a real one does. It runs behind an owner's
 * session and reaches only that owner's business.
 */
export function createSimulatorRoutes(ctx: AppContext, sandbox: SandboxProvider): Router {
  const router = Router();

  const findOwnBusiness = async (res: Response, businessNumber: string): Promise<Business> => {
    const business = await findBusinessById(ctx.db, sessionOf(res).user.businessId);
    if (!business || business.phoneNumber !== businessNumber) {
      throw new AppError('not_found', `No business of yours uses ${businessNumber}`);
    }
    return business;
  };

  router.get('/state', async (_req, res) => {
    const own = await findBusinessById(ctx.db, sessionOf(res).user.businessId);
    const businesses = own ? [own] : [];
    res.json({
      businesses: businesses.map(({ id, name, phoneNumber }) => ({ id, name, phoneNumber })),
      defaultCallerNumber,
    });
  });

  router.post('/calls', async (req, res) => {
    const input = parseInput(callSchema, req.body);
    const business = await findOwnBusiness(res, input.businessNumber);
    const callSid = `CA${randomBytes(16).toString('hex')}`;
    const call = { CallSid: callSid, From: input.callerNumber, To: business.phoneNumber, Called: business.phoneNumber, Direction: 'inbound' };
    await sandbox.postWebhook('/webhooks/twilio/voice', { ...call, CallStatus: 'ringing' });
    if (business.forwardingNumber) {
      const isAnswered = input.outcome === 'completed';
      await sandbox.postWebhook('/webhooks/twilio/voice/dial-status', {
        ...call,
        CallStatus: 'in-progress',
        DialCallSid: `CA${randomBytes(16).toString('hex')}`,
        DialCallStatus: input.outcome,
        DialCallDuration: isAnswered ? '42' : '0',
      });
    }
    await sandbox.postWebhook('/webhooks/twilio/voice/status', { ...call, CallStatus: 'completed' });
    res.status(201).json({ callSid });
  });

  router.post('/messages', async (req, res) => {
    const input = parseInput(messageSchema, req.body);
    await findOwnBusiness(res, input.businessNumber);
    const messageSid = `SM${randomBytes(16).toString('hex')}`;
    await sandbox.postWebhook('/webhooks/twilio/sms', {
      MessageSid: messageSid,
      From: input.callerNumber,
      To: input.businessNumber,
      Body: input.body,
      NumMedia: '0',
    });
    res.status(201).json({ messageSid });
  });

  router.get('/thread', async (req, res) => {
    const input = parseInput(threadQuerySchema, req.query);
    const business = await findOwnBusiness(res, input.businessNumber);
    const contact = await findContactByPhone(ctx.db, business.id, input.callerNumber);
    const conversation = contact ? await findOpenConversation(ctx.db, contact.id) : null;
    const messages = conversation ? await listMessages(ctx.db, conversation.id) : [];
    const calls = await listCallsByCaller(ctx.db, business.id, input.callerNumber);
    res.json({
      messages: messages.map(({ id, direction, author, body, status, createdAt }) => ({ id, direction, author, body, status, createdAt })),
      calls: calls.map(({ callSid, status, dialStatus, textBackStatus, textBackReason, createdAt }) => ({
        callSid, status, dialStatus, textBackStatus, textBackReason, createdAt,
      })),
      conversation: conversation
        ? {
            id: conversation.id,
            holder: conversation.holder,
            status: conversation.status,
            outcome: conversation.outcome,
            details: conversation.details,
          }
        : null,
    });
  });

  return router;
}
