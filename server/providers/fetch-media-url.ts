import type { FetchMediaResult } from './sms-provider.ts';

/** Twilio accepts MMS of up to 5 MB; anything much larger is not a real attachment. */
export const maxMediaBytes = 10 * 1024 * 1024;
const fetchTimeoutMs = 15_000;

/**
 * Downloads one attachment over HTTP(S). Server errors, timeouts and network failures can be
 * retried; a 4xx answer, an oversized body or a URL that is not http(s) cannot.
 */
export async function fetchMediaUrl(url: string, authorization: string | null): Promise<FetchMediaResult> {
  if (!/^https?:\/\//i.test(url)) {
    return { ok: false, error: 'Media URL is not http(s)', isRetryable: false };
  }
  let response: Response;
  try {
    response = await fetch(url, {
      headers: authorization ? { authorization } : {},
      redirect: 'follow',
      signal: AbortSignal.timeout(fetchTimeoutMs),
    });
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err), isRetryable: true };
  }
  if (!response.ok) {
    return { ok: false, error: `Media fetch answered ${response.status}`, isRetryable: response.status >= 500 || response.status === 429 };
  }
  const declaredLength = Number(response.headers.get('content-length') ?? '0');
  if (declaredLength > maxMediaBytes) {
    return { ok: false, error: `Media is ${declaredLength} bytes, over the ${maxMediaBytes} limit`, isRetryable: false };
  }
  const data = Buffer.from(await response.arrayBuffer());
  if (data.length > maxMediaBytes) {
    return { ok: false, error: `Media is over the ${maxMediaBytes} byte limit`, isRetryable: false };
  }
  return { ok: true, contentType: response.headers.get('content-type') ?? 'application/octet-stream', data };
}
