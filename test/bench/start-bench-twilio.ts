import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface BenchTwilio {
  url: string;
  /** Messages received since start, whether or not anyone waited for them. */
  receivedCount: () => number;
  /**
   * Resolves with the `performance.now()` time at which a message to `to` was fully received,
   * or with null after `timeoutMs`. Only the next message to that number counts.
   */
  waitForMessage: (to: string, timeoutMs: number) => Promise<number | null>;
  /**
   * Resolves once no message has arrived for `quietMs`, or after `timeoutMs`, with the
   * `performance.now()` time of the last message received, or null if none arrived.
   */
  waitForQuiet: (quietMs: number, timeoutMs: number) => Promise<QuietResult>;
  close: () => Promise<void>;
}

export interface QuietResult {
  lastReceivedAt: number | null;
  hasTimedOut: boolean;
}

const messagesPath = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/;

/**
 * Starts a local stand-in for Twilio's Messages API that responds at once and reports when each
 * message arrives. The shared test fake only keeps a list, which cannot time an arrival.
 */
export async function startBenchTwilio(): Promise<BenchTwilio> {
  const waiters = new Map<string, (receivedAt: number) => void>();
  let received = 0;
  let lastReceivedAt: number | null = null;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const receivedAt = performance.now();
      const match = messagesPath.exec(req.url ?? '');
      if (req.method !== 'POST' || !match) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ code: 20404, message: 'Not found', status: 404 }));
        return;
      }
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const to = form.get('To') ?? '';
      received += 1;
      lastReceivedAt = receivedAt;
      waiters.get(to)?.(receivedAt);
      waiters.delete(to);

      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          sid: `SM${randomBytes(16).toString('hex')}`,
          status: 'queued',
          account_sid: match[1],
          to,
          from: form.get('From'),
          body: form.get('Body'),
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    receivedCount: () => received,
    waitForMessage: (to, timeoutMs) =>
      new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiters.delete(to);
          resolve(null);
        }, timeoutMs);
        waiters.set(to, (receivedAt) => {
          clearTimeout(timer);
          resolve(receivedAt);
        });
      }),
    waitForQuiet: async (quietMs, timeoutMs) => {
      const startedAt = performance.now();
      for (;;) {
        const now = performance.now();
        const quietSince = Math.max(lastReceivedAt ?? startedAt, startedAt);
        if (now - quietSince >= quietMs) {
          return { lastReceivedAt, hasTimedOut: false };
        }
        if (now - startedAt >= timeoutMs) {
          return { lastReceivedAt, hasTimedOut: true };
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
