import type { Logger } from '../lib/logger.ts';
import type { WebhookPoster } from '../providers/sandbox-provider.ts';
import { signTwilioRequest } from '../webhooks/verify-twilio-signature.ts';

export interface WebhookPosterOptions {
  /** Where this server listens, such as http://127.0.0.1:3000. */
  localBaseUrl: string;
  /** The address signatures are computed on, as Twilio would. */
  publicBaseUrl: string;
  authToken: string;
  log: Logger;
}

/** Posts signed, form-encoded webhooks to this server exactly as Twilio would send them. */
export function createWebhookPoster(options: WebhookPosterOptions): WebhookPoster {
  return async (pathWithQuery, params) => {
    const signature = signTwilioRequest(options.authToken, options.publicBaseUrl + pathWithQuery, params);
    let response: Response;
    try {
      response = await fetch(options.localBaseUrl + pathWithQuery, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': signature,
        },
        body: new URLSearchParams(params).toString(),
      });
    } catch (err) {
      options.log.warn({ err, path: pathWithQuery }, 'simulated webhook failed');
      throw err;
    }
    if (!response.ok) {
      options.log.warn({ path: pathWithQuery, status: response.status }, 'simulated webhook rejected');
      throw new Error(`Webhook ${pathWithQuery} answered ${response.status}`);
    }
  };
}
