/**
 * One HTTP attempt: POST with the Standard Webhooks headers, 10 s timeout, no redirects followed (a 3xx is a failure:
 * following one could lead inside the network), and at most 64 KB of the answer read, of which 1 KB is kept.
 */
import { assertPublicUrl, RefusedAddressError } from './address-guard';

export const TIMEOUT_MS = 10_000;
const READ_LIMIT = 64 * 1024;
const KEEP_LIMIT = 1024;

export interface AttemptResult {
  ok: boolean;
  statusCode: number | null;
  durationMs: number;
  body: string | null;
  error: string | null;
}

export async function sendWebhook(url: string, headers: Record<string, string>, body: string, timeoutMs = TIMEOUT_MS): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    await assertPublicUrl(url);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'customers-module-webhooks/1', ...headers },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await readCapped(response);
    const ok = response.status >= 200 && response.status < 300;
    return {
      ok,
      statusCode: response.status,
      durationMs: elapsed(),
      body: text,
      error: ok ? null : response.status >= 300 && response.status < 400 ? `Redirect to ${response.headers.get('location') ?? '?'} not followed` : `HTTP ${response.status}`,
    };
  } catch (error) {
    const message =
      error instanceof RefusedAddressError
        ? error.message
        : (error as Error).name === 'TimeoutError'
          ? `No answer within ${timeoutMs / 1000} s`
          : `Could not connect: ${((error as Error).cause as Error | undefined)?.message ?? (error as Error).message}`;
    return { ok: false, statusCode: null, durationMs: elapsed(), body: null, error: message };
  }
}

async function readCapped(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < READ_LIMIT) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    // Stop reading a large (or endless) answer: the rest is never downloaded.
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).subarray(0, KEEP_LIMIT).toString('utf8');
}
