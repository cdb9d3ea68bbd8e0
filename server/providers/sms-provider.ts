/** Our own delivery states; each provider maps its vendor's statuses onto these. */
export const messageStatuses = [
  'received',
  'queued',
  'sending',
  'sent',
  'delivered',
  'undelivered',
  'failed',
] as const;
export type MessageStatus = (typeof messageStatuses)[number];

export interface SendSmsRequest {
  from: string;
  to: string;
  body: string;
  statusCallbackUrl: string;
}

export type SendSmsResult =
  | { ok: true; providerId: string; status: MessageStatus }
  | { ok: false; errorCode: string; errorMessage: string };

export interface SmsProvider {
  readonly kind: 'twilio' | 'sandbox';
  /**
   * True when the carrier side already confirms STOP and START keywords (Twilio's default
   * Advanced Opt-Out does), so the product must not send a second confirmation.
   */
  readonly confirmsOptOut: boolean;
  sendSms(request: SendSmsRequest): Promise<SendSmsResult>;
  /** Downloads an inbound attachment, with the account's credentials where the provider needs them. */
  fetchMedia(url: string): Promise<FetchMediaResult>;
  /** Looks up what kind of line a number is; rejects on failure so the caller can decide. */
  lookupLineType(phone: string): Promise<LineType>;
  /** Starts an outgoing call that plays `twiml` if answered; resolves once the call is queued. */
  placeCall(request: PlaceCallRequest): Promise<PlaceCallResult>;
}

export interface PlaceCallRequest {
  from: string;
  to: string;
  /** TwiML the called party hears if they answer. */
  twiml: string;
  /** How long the call rings before the provider gives up, in seconds. */
  timeoutSeconds: number;
}

export type PlaceCallResult =
  | { ok: true; providerId: string }
  | { ok: false; errorCode: string; errorMessage: string };

export type FetchMediaResult =
  | { ok: true; contentType: string; data: Buffer }
  | { ok: false; error: string; isRetryable: boolean };

export type LineType = 'mobile' | 'landline' | 'voip' | 'unknown';

const statusRank: Record<MessageStatus, number> = {
  received: 0,
  queued: 1,
  sending: 2,
  sent: 3,
  delivered: 4,
  undelivered: 4,
  failed: 4,
};

/** Whether a delivery update moves a message forward; late or repeated callbacks do not. */
export function isStatusAdvance(current: MessageStatus, next: MessageStatus): boolean {
  return statusRank[next] > statusRank[current];
}

export function isMessageStatus(value: string): value is MessageStatus {
  return (messageStatuses as readonly string[]).includes(value);
}
