import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';

export interface RecordedMessage {
  accountSid: string;
  from: string;
  to: string;
  body: string;
  statusCallback: string | null;
  authorization: string | null;
}

export interface FakeTwilio {
  url: string;
  messages: RecordedMessage[];
  /** Makes the next send fail with this Twilio error code and HTTP status. */
  failNext: (code: number, status?: number) => void;
  /** Delays every answer, to model a slow API. */
  setDelay: (ms: number) => void;
  close: () => Promise<void>;
}

/** A local HTTP server that answers Twilio's Messages API and records what was sent. */
export async function startFakeTwilio(): Promise<FakeTwilio> {
  const messages: RecordedMessage[] = [];
  let failure: { code: number; status: number } | null = null;
  let delayMs = 0;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      setTimeout(() => {
        const match = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(req.url ?? '');
        if (req.method !== 'POST' || !match) {
          res.writeHead(404, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ code: 20404, message: 'Not found', status: 404 }));
          return;
        }
        if (failure) {
          const { code, status } = failure;
          failure = null;
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ code, message: `Fake error ${code}`, status }));
          return;
        }
        const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
        const sid = `SM${randomBytes(16).toString('hex')}`;
        messages.push({
          accountSid: match[1] ?? '',
          from: form.get('From') ?? '',
          to: form.get('To') ?? '',
          body: form.get('Body') ?? '',
          statusCallback: form.get('StatusCallback'),
          authorization: req.headers.authorization ?? null,
        });
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ sid, status: 'queued', account_sid: match[1], to: form.get('To'), from: form.get('From'), body: form.get('Body') }));
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    messages,
    failNext: (code, status = 400) => {
      failure = { code, status };
    },
    setDelay: (ms) => {
      delayMs = ms;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
