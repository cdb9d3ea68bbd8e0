import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { buildInterpretMessages } from './build-interpret-messages.ts';
import type { InterpretFailure, InterpretResult, LeadInterpreter } from './lead-interpreter.ts';
import { leadReadingSchema } from './lead-reading-schema.ts';

export interface OpenAiInterpreterOptions {
  /** An OpenAI-compatible API root such as `https://api.openai.com/v1`; the SDK's default when unset. */
  baseUrl?: string;
  apiKey: string;
  model: string;
  /** Limit for one HTTP attempt, in milliseconds. */
  attemptTimeoutMs?: number;
  /** Retries after a timeout, connection error, 408, 409, 429 or 5xx answer. */
  maxRetries?: number;
  /** Limit for the whole reading including retries, in milliseconds. */
  totalTimeoutMs?: number;
}

// The lead is waiting for a text, so a reading gets a few seconds; the rules answer otherwise.
const defaultAttemptTimeoutMs = 5_000;
const defaultMaxRetries = 1;
const defaultTotalTimeoutMs = 12_000;

/**
 * Creates an interpreter that asks an OpenAI-compatible chat completions endpoint for a
 * structured reading, checked against `leadReadingSchema`. Every failure (timeout, HTTP error,
 * malformed JSON, schema mismatch, refusal) is returned as a result, never thrown.
 */
export function createOpenAiInterpreter(options: OpenAiInterpreterOptions): LeadInterpreter {
  const client = new OpenAI({
    apiKey: options.apiKey,
    baseURL: options.baseUrl,
    timeout: options.attemptTimeoutMs ?? defaultAttemptTimeoutMs,
    maxRetries: options.maxRetries ?? defaultMaxRetries,
  });
  const totalTimeoutMs = options.totalTimeoutMs ?? defaultTotalTimeoutMs;
  const responseFormat = zodResponseFormat(leadReadingSchema, 'lead_reading');

  return {
    interpret: async (request) => {
      const started = Date.now();
      const fail = (failure: InterpretFailure, message: string): InterpretResult => ({
        ok: false,
        failure,
        message,
        elapsedMs: Date.now() - started,
      });
      try {
        const completion = await client.chat.completions.parse(
          {
            model: options.model,
            messages: buildInterpretMessages(request),
            response_format: responseFormat,
            temperature: 0,
          },
          { signal: AbortSignal.timeout(totalTimeoutMs) },
        );
        const message = completion.choices[0]?.message;
        if (message?.parsed === null || message?.parsed === undefined) {
          const reason = message?.refusal ? 'the model refused' : 'the answer had no content';
          return fail('invalid', reason);
        }
        return { ok: true, reading: message.parsed, elapsedMs: Date.now() - started };
      } catch (error) {
        const classified = classifyError(error);
        return fail(classified.failure, classified.message);
      }
    },
  };
}

function classifyError(error: unknown): { failure: InterpretFailure; message: string } {
  // The only abort signal is the total timeout, so a user abort means time ran out.
  const isAborted = error instanceof OpenAI.APIUserAbortError || isAbort(error);
  if (error instanceof OpenAI.APIConnectionTimeoutError || isAborted) {
    return { failure: 'timeout', message: 'the request timed out' };
  }
  if (error instanceof OpenAI.APIError) {
    const status = error.status === undefined ? 'no status' : `HTTP ${error.status}`;
    return { failure: 'error', message: `the endpoint failed (${status})` };
  }
  if (error instanceof SyntaxError) {
    return { failure: 'invalid', message: 'the answer was not valid JSON' };
  }
  if (error instanceof Error && error.name === 'ZodError') {
    return { failure: 'invalid', message: 'the answer did not match the schema' };
  }
  const name = error instanceof Error ? error.name : typeof error;
  return { failure: 'error', message: `the request failed (${name})` };
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}
