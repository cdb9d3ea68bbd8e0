import express from 'express';
import { listenOnLoopback } from './listen-on-loopback.ts';
import type { LoopbackServer } from './listen-on-loopback.ts';

/**
 * Starts the baseline: a bare Express app whose `POST /plain` parses a urlencoded body and
 * returns an empty TwiML document. The body parser's limits match the app's webhook router.
 */
export function startPlainServer(): Promise<LoopbackServer> {
  const app = express();
  app.disable('x-powered-by');
  app.post(
    '/plain',
    express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 200 }),
    (_req, res) => {
      res.status(200).type('text/xml').send('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    },
  );
  return listenOnLoopback(app);
}
