import { Writable } from 'node:stream';
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../server/lib/logger.ts';
import { createRequestLogger } from '../../server/lib/request-logger.ts';

function captureLogger(
  level: 'info' | 'debug' = 'info',
): { lines: string[]; log: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString());
      callback();
    },
  });
  return { lines, log: createLogger(level, destination) };
}

describe('logger', () => {
  it('drops query parameters and phone numbers from error messages', () => {
    const { lines, log } = captureLogger();
    const cause = new Error("The 'To' number +15555550888 is not a valid phone number.");
    const err = new Error('Failed query: insert into "messages" values ($1, $2)\nparams: +15555550104,hi there', { cause });

    log.error({ err }, 'request failed');

    const output = lines.join('');
    expect(output).not.toContain('+15555550104');
    expect(output).not.toContain('hi there');
    expect(output).not.toContain('+15555550888');
    expect(output).toContain('Failed query');
  });

  it('redacts bodies, phones and tokens in structured fields', () => {
    const { lines, log } = captureLogger();

    log.info({ body: 'secret text', phone: '+15555550104', req: { headers: { cookie: 'textback_session=abc' } } }, 'x');

    const output = lines.join('');
    expect(output).not.toContain('secret text');
    expect(output).not.toContain('+15555550104');
    expect(output).not.toContain('textback_session=abc');
  });

  it('keeps session cookies and search queries out of request logs', async () => {
    const { lines, log } = captureLogger('debug');
    const app = express();
    app.use(createRequestLogger(log));
    app.get('/search', (_req, res) => {
      res.cookie('textback_session', 'token-123').json({ ok: true });
    });

    await request(app).get('/search?q=%2B15555552003');

    const output = lines.join('');
    expect(output).not.toContain('token-123');
    expect(output).not.toContain('15555552003');
    expect(output).toContain('/search?[redacted]');
  });

  it('logs reads at debug, writes at info', async () => {
    const { lines, log } = captureLogger('debug');
    const app = express();
    app.use(createRequestLogger(log));
    app.get('/simulator/api/thread', (_req, res) => {
      res.json({ messages: [] });
    });
    app.get('/missing', (_req, res) => {
      res.status(404).json({ error: 'not found' });
    });
    app.post('/simulator/api/messages', (_req, res) => {
      res.status(201).json({ ok: true });
    });

    await request(app).get('/simulator/api/thread?caller=%2B15555550104');
    await request(app).get('/missing');
    await request(app).post('/simulator/api/messages');

    const levels = lines.map((line) => {
      const entry = JSON.parse(line) as { level: number; req: { method: string; url: string } };
      return `${entry.req.method} ${entry.req.url.split('?')[0]} ${entry.level}`;
    });
    expect(levels).toEqual([
      'GET /simulator/api/thread 20',
      'GET /missing 30',
      'POST /simulator/api/messages 30',
    ]);
  });

  it('leaves polling reads out of the info log', async () => {
    const { lines, log } = captureLogger('info');
    const app = express();
    app.use(createRequestLogger(log));
    app.get('/simulator/api/thread', (_req, res) => {
      res.json({ messages: [] });
    });

    for (let poll = 0; poll < 3; poll += 1) {
      await request(app).get('/simulator/api/thread');
    }

    expect(lines).toEqual([]);
  });
});
