import type { Response } from 'express';
import twilio from 'twilio';

export const VoiceResponse = twilio.twiml.VoiceResponse;
export const MessagingResponse = twilio.twiml.MessagingResponse;

/** Sends a TwiML document with the content type Twilio expects. */
export function sendTwiml(res: Response, twiml: { toString(): string }): void {
  res.status(200).type('text/xml').send(twiml.toString());
}

/** An empty <Response/>: Twilio takes no action, and replies go out through the REST API. */
export function sendEmptyMessagingTwiml(res: Response): void {
  sendTwiml(res, new MessagingResponse());
}
