import type { RequestHandler } from 'express';
import twilio from 'twilio';
import { AppError } from '../lib/errors.ts';
import type { Logger } from '../lib/logger.ts';

export interface VerifyTwilioSignatureOptions {
  authToken: string;
  /** The address Twilio was given; signatures cover it, so they survive a proxy in between. */
  publicBaseUrl: string;
  log: Logger;
}

/** Rejects a webhook whose X-Twilio-Signature does not match its URL and form parameters. */
export function verifyTwilioSignature(options: VerifyTwilioSignatureOptions): RequestHandler {
  return (req, _res, next) => {
    const signature = req.header('x-twilio-signature');
    const url = options.publicBaseUrl + req.originalUrl;
    const params = isFormBody(req.body) ? req.body : {};
    if (!signature || !twilio.validateRequest(options.authToken, signature, url, params)) {
      options.log.warn({ path: req.path, hasSignature: Boolean(signature) }, 'webhook signature rejected');
      next(new AppError('invalid_signature', 'Missing or invalid X-Twilio-Signature'));
      return;
    }
    next();
  };
}

/** Computes the signature Twilio would send, for the simulator and the sandbox provider. */
export function signTwilioRequest(
  authToken: string,
  url: string,
  params: Record<string, string>,
): string {
  return twilio.getExpectedTwilioSignature(authToken, url, params);
}

function isFormBody(body: unknown): body is Record<string, string> {
  return typeof body === 'object' && body !== null && !Array.isArray(body);
}
