import twilio from 'twilio';
import type { Logger } from '../lib/logger.ts';
import { fetchMediaUrl } from './fetch-media-url.ts';
import type {
  LineType,
  MessageStatus,
  PlaceCallRequest,
  PlaceCallResult,
  SendSmsRequest,
  SendSmsResult,
  SmsProvider,
} from './sms-provider.ts';

export interface TwilioProviderOptions {
  accountSid: string;
  authToken: string;
  /** Another API host, such as a local fake in tests; Twilio's own when unset. */
  apiBaseUrl: string | undefined;
  log: Logger;
}

const requestTimeoutMs = 10_000;

/** Sends SMS through Twilio's Messages API and maps its statuses and errors onto ours. */
export function createTwilioProvider(options: TwilioProviderOptions): SmsProvider {
  const client = twilio(options.accountSid, options.authToken, { timeout: requestTimeoutMs });
  if (options.apiBaseUrl) {
    client.api.baseUrl = options.apiBaseUrl.replace(/\/$/, '');
    client.lookups.baseUrl = client.api.baseUrl;
  }
  // Twilio's media URLs answer only with the account's credentials, then redirect to storage.
  const mediaAuthorization = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`;

  return {
    kind: 'twilio',
    confirmsOptOut: true,
    async sendSms(request: SendSmsRequest): Promise<SendSmsResult> {
      try {
        const message = await client.messages.create({
          from: request.from,
          to: request.to,
          body: request.body,
          statusCallback: request.statusCallbackUrl,
        });
        return { ok: true, providerId: message.sid, status: mapTwilioStatus(message.status) };
      } catch (err) {
        options.log.warn({ err }, 'twilio rejected a message');
        return toFailure(err);
      }
    },
    fetchMedia: (url) => fetchMediaUrl(url, isTwilioHost(url, options.apiBaseUrl) ? mediaAuthorization : null),
    async lookupLineType(phone: string): Promise<LineType> {
      const result = await client.lookups.v2.phoneNumbers(phone).fetch({ fields: 'line_type_intelligence' });
      return mapLineType(result.lineTypeIntelligence?.type);
    },
    async placeCall(request: PlaceCallRequest): Promise<PlaceCallResult> {
      try {
        const call = await client.calls.create({
          from: request.from,
          to: request.to,
          twiml: request.twiml,
          timeout: request.timeoutSeconds,
        });
        return { ok: true, providerId: call.sid };
      } catch (err) {
        options.log.warn({ err }, 'twilio rejected a call');
        return toFailure(err);
      }
    },
  };
}

/** Maps Twilio Lookup's `line_type_intelligence.type` onto our line types. */
export function mapLineType(type: string | undefined): LineType {
  switch (type) {
    case 'mobile':
      return 'mobile';
    case 'landline':
      return 'landline';
    case 'fixedVoip':
    case 'nonFixedVoip':
      return 'voip';
    default:
      return 'unknown';
  }
}

/** Maps a Twilio message status onto ours; unknown values count as queued. */
export function mapTwilioStatus(status: string): MessageStatus {
  switch (status.toLowerCase()) {
    case 'sending':
      return 'sending';
    case 'sent':
      return 'sent';
    case 'delivered':
    case 'read':
      return 'delivered';
    case 'undelivered':
      return 'undelivered';
    case 'failed':
    case 'canceled':
      return 'failed';
    case 'received':
    case 'receiving':
      return 'received';
    default:
      return 'queued';
  }
}

function toFailure(err: unknown): { ok: false; errorCode: string; errorMessage: string } {
  if (err instanceof Error && 'code' in err && err.code !== undefined) {
    return { ok: false, errorCode: String(err.code), errorMessage: err.message };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { ok: false, errorCode: 'network', errorMessage: message };
}

/**
 * Whether a media URL points at Twilio (or the configured API host), the only place the
 * account's credentials may be sent. Other hosts are fetched without them.
 */
export function isTwilioHost(url: string, apiBaseUrl: string | undefined): boolean {
  let host: string;
  try {
    host = new URL(url).host.toLowerCase();
  } catch {
    return false;
  }
  if (apiBaseUrl && host === new URL(apiBaseUrl).host.toLowerCase()) {
    return true;
  }
  const isHttps = url.toLowerCase().startsWith('https://');
  return isHttps && (host === 'twilio.com' || host.endsWith('.twilio.com'));
}
