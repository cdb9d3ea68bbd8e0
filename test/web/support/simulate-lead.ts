import { webhookAuthToken } from '../../../server/app-context.ts';
import { createWebhookPoster } from '../../../server/simulator/create-webhook-poster.ts';
import { callParams, smsParams } from '../../support/seed.ts';
import type { WebServer } from './start-web-server.ts';

export interface SimulateLeadOptions {
  businessNumber: string;
  callerNumber: string;
  /** The lead's texts, sent one at a time. */
  replies: string[];
}

/**
 * Plays a lead through signed Twilio webhooks: an unanswered call, then each reply, waiting
 * for the server's background work (text back, bot turns) after each step.
 */
export async function simulateLead(server: WebServer, options: SimulateLeadOptions): Promise<void> {
  const post = createPoster(server);
  const numbers = { From: options.callerNumber, Caller: options.callerNumber, To: options.businessNumber };
  const call = callParams({ ...numbers, Called: options.businessNumber });
  await post('/webhooks/twilio/voice', call);
  await post('/webhooks/twilio/voice/dial-status', { ...call, DialCallStatus: 'no-answer' });
  await server.ctx.tasks.drain();
  await textAsLead(server, options);
}

/** Sends the lead's texts one at a time, waiting for the server's replies to each. */
export async function textAsLead(server: WebServer, options: SimulateLeadOptions): Promise<void> {
  const post = createPoster(server);
  for (const reply of options.replies) {
    await post('/webhooks/twilio/sms', smsParams(reply, { From: options.callerNumber, To: options.businessNumber }));
    await server.ctx.tasks.drain();
  }
}

function createPoster(server: WebServer) {
  return createWebhookPoster({
    localBaseUrl: server.baseUrl,
    publicBaseUrl: server.baseUrl,
    authToken: webhookAuthToken(server.ctx.config),
    log: server.ctx.log,
  });
}
