/**
 * Fixed values shared by the bench's app, fakes and load generators. None of them reaches a
 * real service: the app sends to a local fake Twilio API and webhooks come from 127.0.0.1.
 */
export const benchSettings = {
  /** The address the app believes Twilio calls; signatures cover it. */
  publicBaseUrl: 'https://textback.bench',
  accountSid: 'ACbench0000000000000000000000000',
  authToken: 'bench-auth-token-0123456789abcdef',
  businessNumber: '+15555550100',
  forwardingNumber: '+15555550199',
} as const;
