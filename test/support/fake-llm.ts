import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake answers to one chat completions request. */
export type FakeLlmAnswer =
  | { kind: 'content'; content: string }
  | { kind: 'status'; status: number }
  | { kind: 'hang' };

export interface FakeLlmRequest {
  model: string;
  messages: { role: string; content: string }[];
  hasResponseFormat: boolean;
}

export interface FakeLlm {
  /** The API root to use as `baseURL`, ending in `/v1`. */
  url: string;
  requests: FakeLlmRequest[];
  /** Sets how the fake answers every following request. */
  answer: (decide: (request: FakeLlmRequest) => FakeLlmAnswer) => void;
  close: () => Promise<void>;
}

/**
 * A local HTTP server that speaks OpenAI's chat completions API, for tests of the bot's model
 * reader. It answers with the content a test chooses, an HTTP error, or never (to force a
 * timeout); the lead's message is in the last user message's `lead_message` field.
 */
export async function startFakeLlm(): Promise<FakeLlm> {
  const requests: FakeLlmRequest[] = [];
  let decide: (request: FakeLlmRequest) => FakeLlmAnswer = () => ({ kind: 'status', status: 500 });
  const hanging = new Set<() => void>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'not found' } }));
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      const request: FakeLlmRequest = {
        model: String(body.model),
        messages: body.messages as FakeLlmRequest['messages'],
        hasResponseFormat: body.response_format !== undefined,
      };
      requests.push(request);
      const answer = decide(request);
      if (answer.kind === 'hang') {
        const end = () => res.destroy();
        hanging.add(end);
        res.on('close', () => hanging.delete(end));
        return;
      }
      if (answer.kind === 'status') {
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: `fake error ${answer.status}` } }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(completionWith(answer.content, request.model)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    answer: (next) => {
      decide = next;
    },
    close: () =>
      new Promise((resolve) => {
        for (const end of hanging) {
          end();
        }
        server.close(() => resolve());
      }),
  };
}

/** Reads the lead's message from a request the bot sent. */
export function leadMessageOf(request: FakeLlmRequest): string {
  const document = JSON.parse(request.messages.at(-1)?.content ?? '{}') as { lead_message?: string };
  return document.lead_message ?? '';
}

function completionWith(content: string, model: string): Record<string, unknown> {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 1_700_000_000,
    model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: null },
        finish_reason: 'stop',
        logprobs: null,
      },
    ],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  };
}
