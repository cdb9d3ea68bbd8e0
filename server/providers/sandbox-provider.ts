import { randomBytes } from 'node:crypto';
import { fetchMediaUrl } from './fetch-media-url.ts';
import type { PlaceCallRequest, PlaceCallResult, SendSmsRequest, SendSmsResult, SmsProvider } from './sms-provider.ts';

/** Posts a signed Twilio-format webhook to this server, as the carrier would. */
export type WebhookPoster = (pathWithQuery: string, params: Record<string, string>) => Promise<void>;

export interface SandboxProvider extends SmsProvider {
  readonly kind: 'sandbox';
  /** Connects the poster once the server listens; until then no webhooks can be posted. */
  attachPoster(poster: WebhookPoster): void;
  /** Posts a webhook as Twilio would, for the phone simulator. */
  postWebhook: WebhookPoster;
}

/**
 * The offline provider: nothing leaves the machine. Sent messages are stored like any other
 * and shown in the phone simulator, and each one is reported delivered through the real
 * status webhook.
 */
export function createSandboxProvider(): SandboxProvider {
  let poster: WebhookPoster | null = null;

  const postWebhook: WebhookPoster = async (pathWithQuery, params) => {
    if (!poster) {
      throw new Error('The sandbox cannot post webhooks before the server listens');
    }
    await poster(pathWithQuery, params);
  };

  return {
    kind: 'sandbox',
    confirmsOptOut: false,
    attachPoster(next) {
      poster = next;
    },
    postWebhook,
    async sendSms(request: SendSmsRequest): Promise<SendSmsResult> {
      const providerId = `SM${randomBytes(16).toString('hex')}`;
      if (poster) {
        const callback = new URL(request.statusCallbackUrl);
        const report = {
          MessageSid: providerId,
          MessageStatus: 'delivered',
          To: request.to,
          From: request.from,
        };
        // The poster logs a rejected report itself; a lost delivery report only leaves a
        // simulated message at "queued".
        setImmediate(() => {
          postWebhook(callback.pathname + callback.search, report).catch(() => undefined);
        });
      }
      return { ok: true, providerId, status: 'queued' };
    },
    fetchMedia: (url) => fetchMediaUrl(url, null),
    // The sandbox has no carrier data; every simulated phone is a mobile.
    lookupLineType: async () => 'mobile',
    async placeCall(request: PlaceCallRequest): Promise<PlaceCallResult> {
      if (!poster) {
        return { ok: false, errorCode: 'sandbox', errorMessage: 'The sandbox cannot place calls before the server listens' };
      }
      const providerId = `CA${randomBytes(16).toString('hex')}`;
      // The sandbox plays the called carrier: nobody answers, so it forwards the call to the
      // number that placed it, as conditional forwarding to textback would.
      const forwarded = {
        CallSid: `CA${randomBytes(16).toString('hex')}`,
        CallStatus: 'ringing',
        Direction: 'inbound',
        From: request.from,
        To: request.from,
        Called: request.from,
        ForwardedFrom: request.to,
      };
      setTimeout(() => {
        postWebhook('/webhooks/twilio/voice', forwarded).catch(() => undefined);
      }, sandboxForwardDelayMs).unref();
      return { ok: true, providerId };
    },
  };
}

/** How long the simulated carrier lets a placed call ring before forwarding it. */
const sandboxForwardDelayMs = 1_500;
