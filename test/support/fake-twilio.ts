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

export interface RecordedCall {
  accountSid: string;
  from: string;
  to: string;
  twiml: string | null;
  url: string | null;
  timeout: number | null;
}

export interface FakeTwilio {
  url: string;
  messages: RecordedMessage[];
  /** Outgoing calls placed through `POST /Calls.json`, in order. */
  calls: RecordedCall[];
  /** Makes the next call request fail with this Twilio error code and HTTP status. */
  failNextCall: (code: number, status?: number) => void;
  /** Makes the next send fail with this Twilio error code and HTTP status. */
  failNext: (code: number, status?: number) => void;
  /** Delays every answer, to model a slow API. */
  setDelay: (ms: number) => void;
  /** Line types Lookup answers per E.164 number; others are mobile. */
  lineTypes: Map<string, string>;
  /** Numbers looked up, in order. */
  lookups: string[];
  /** Makes the next Lookup answer with this HTTP status. */
  failNextLookup: (status: number) => void;
  /** Attachments served under /media/<name>, with the account's credentials only. */
  media: Map<string, { contentType: string; data: Buffer }>;
  /** Makes the next media downloads fail with HTTP 500. */
  failNextMedia: (count: number) => void;
  /** Authorization headers media downloads carried. */
  mediaAuthorizations: Array<string | null>;
  close: () => Promise<void>;
}

/** A local HTTP server that answers Twilio's Messages API and records what was sent. */
export async function startFakeTwilio(): Promise<FakeTwilio> {
  const messages: RecordedMessage[] = [];
  const calls: RecordedCall[] = [];
  let callFailure: { code: number; status: number } | null = null;
  let failure: { code: number; status: number } | null = null;
  let delayMs = 0;
  const lineTypes = new Map<string, string>();
  const lookups: string[] = [];
  let lookupFailure: number | null = null;
  const media = new Map<string, { contentType: string; data: Buffer }>();
  let mediaFailures = 0;
  const mediaAuthorizations: Array<string | null> = [];

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      setTimeout(() => {
        const lookup = /^\/v2\/PhoneNumbers\/([^/?]+)/.exec(req.url ?? '');
        if (req.method === 'GET' && lookup) {
          const phone = decodeURIComponent(lookup[1] ?? '');
          lookups.push(phone);
          if (lookupFailure !== null) {
            const status = lookupFailure;
            lookupFailure = null;
            res.writeHead(status, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ code: 20500, message: 'Fake lookup failure', status }));
            return;
          }
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({
            phone_number: phone,
            line_type_intelligence: { type: lineTypes.get(phone) ?? 'mobile', error_code: null },
          }));
          return;
        }
        const mediaMatch = /^\/media\/([^/?]+)$/.exec(req.url ?? '');
        if (req.method === 'GET' && mediaMatch) {
          mediaAuthorizations.push(req.headers.authorization ?? null);
          const file = media.get(mediaMatch[1] ?? '');
          if (mediaFailures > 0) {
            mediaFailures -= 1;
            res.writeHead(500).end();
            return;
          }
          if (!req.headers.authorization?.startsWith('Basic ')) {
            res.writeHead(401).end();
            return;
          }
          if (!file) {
            res.writeHead(404).end();
            return;
          }
          res.writeHead(200, { 'content-type': file.contentType, 'content-length': String(file.data.length) });
          res.end(file.data);
          return;
        }
        const callMatch = /^\/2010-04-01\/Accounts\/([^/]+)\/Calls\.json$/.exec(req.url ?? '');
        if (req.method === 'POST' && callMatch) {
          if (callFailure) {
            const { code, status } = callFailure;
            callFailure = null;
            res.writeHead(status, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ code, message: `Fake error ${code}`, status }));
            return;
          }
          const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
          const timeout = form.get('Timeout');
          calls.push({
            accountSid: callMatch[1] ?? '',
            from: form.get('From') ?? '',
            to: form.get('To') ?? '',
            twiml: form.get('Twiml'),
            url: form.get('Url'),
            timeout: timeout === null ? null : Number(timeout),
          });
          const sid = `CA${randomBytes(16).toString('hex')}`;
          res.writeHead(201, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ sid, status: 'queued', account_sid: callMatch[1], to: form.get('To'), from: form.get('From') }));
          return;
        }
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
    calls,
    failNextCall: (code, status = 400) => {
      callFailure = { code, status };
    },
    failNext: (code, status = 400) => {
      failure = { code, status };
    },
    setDelay: (ms) => {
      delayMs = ms;
    },
    lineTypes,
    lookups,
    failNextLookup: (status) => {
      lookupFailure = status;
    },
    media,
    failNextMedia: (count) => {
      mediaFailures = count;
    },
    mediaAuthorizations,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
