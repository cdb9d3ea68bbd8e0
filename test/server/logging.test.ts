import { Writable } from 'node:stream';
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../server/lib/logger.ts';
import { createRequestLogger } from '../../server/lib/request-logger.ts';

function captureLogger(): { lines: string[]; log: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString());
      callback();
    },
  });
  return { lines, log: createLogger('info', destination) };
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
    const { lines, log } = captureLogger();
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
});
