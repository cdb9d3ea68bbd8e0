import { signTwilioRequest } from '../../server/webhooks/verify-twilio-signature.ts';
import { benchSettings } from './bench-settings.ts';

export interface SignedWebhookForm {
  /** The urlencoded request body. */
  body: string;
  /** Content-Type and X-Twilio-Signature. */
  headers: Record<string, string>;
}

/** Encodes Twilio webhook fields and signs them as Twilio would for the app's public URL. */
export function signWebhookForm(path: string, params: Record<string, string>): SignedWebhookForm {
  const url = benchSettings.publicBaseUrl + path;
  return {
    body: new URLSearchParams(params).toString(),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': signTwilioRequest(benchSettings.authToken, url, params),
    },
  };
}
