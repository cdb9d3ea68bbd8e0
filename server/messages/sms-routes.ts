import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { findBusinessByNumber } from '../businesses/business-repo.ts';
import { AppError } from '../lib/errors.ts';
import { toE164 } from '../lib/phone-number.ts';
import { isMessageStatus, isStatusAdvance } from '../providers/sms-provider.ts';
import { mapTwilioStatus } from '../providers/twilio-provider.ts';
import { sendEmptyMessagingTwiml } from '../webhooks/twiml.ts';
import { handleInboundSms } from './handle-inbound-sms.ts';
import { isUnreachableNumberError, stopTextingUnreachable } from './stop-texting-unreachable.ts';
import { findMessageById, findMessageByProviderId, updateMessage } from './message-repo.ts';
import { inboundSmsSchema, smsStatusSchema } from './sms-webhook-schema.ts';

const statusQuerySchema = z.object({ messageId: z.uuid().optional() });

/** Twilio's messaging webhooks: inbound texts and delivery status callbacks. */
export function createSmsRoutes(ctx: AppContext): Router {
  const router = Router();

  router.post('/sms', async (req, res) => {
    const parsed = inboundSmsSchema.safeParse(req.body);
    if (!parsed.success) {
      throw new AppError('bad_request', 'Invalid SMS webhook', parsed.error.issues);
    }
    const to = toE164(parsed.data.To);
    const business = to ? await findBusinessByNumber(ctx.db, to) : null;
    if (!business) {
      ctx.log.warn({ messageSid: parsed.data.MessageSid }, 'text to a number no business owns');
      sendEmptyMessagingTwiml(res);
      return;
    }
    await handleInboundSms(ctx, business, parsed.data);
    sendEmptyMessagingTwiml(res);
  });

  router.post('/sms/status', async (req, res) => {
    const parsed = smsStatusSchema.safeParse(req.body);
    const query = statusQuerySchema.safeParse(req.query);
    if (!parsed.success || !query.success) {
      throw new AppError('bad_request', 'Invalid SMS status webhook', parsed.error?.issues ?? query.error?.issues);
    }
    const message = query.data.messageId
      ? await findMessageById(ctx.db, query.data.messageId)
      : await findMessageByProviderId(ctx.db, parsed.data.MessageSid);
    if (!message) {
      ctx.log.warn({ messageSid: parsed.data.MessageSid }, 'status for an unknown message');
      res.status(204).end();
      return;
    }
    const status = mapTwilioStatus(parsed.data.MessageStatus);
    if (isMessageStatus(message.status) && isStatusAdvance(message.status, status)) {
      await updateMessage(ctx.db, message.id, {
        status,
        providerId: message.providerId ?? parsed.data.MessageSid,
        errorCode: parsed.data.ErrorCode ?? null,
        errorMessage: parsed.data.ErrorMessage ?? null,
      });
      ctx.realtime.publish(message.businessId, 'message:updated', {
        conversationId: message.conversationId,
        messageId: message.id,
        status,
      });
      if (isUnreachableNumberError(parsed.data.ErrorCode)) {
        await stopTextingUnreachable(ctx, message);
      }
    }
    res.status(204).end();
  });

  return router;
}
