import type { Actor } from '@/lib/types';
import { BadRequestError } from '@/services/errors';
import { IDEMPOTENCY_KEY_PATTERN, idempotencyScope, requestFingerprint, runIdempotently, type StoredResponse } from '@/services/idempotency';

import { COMPLETION_APPLIED_HEADER, IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER } from './headers';
import { problemFromError } from './problem';
import { readText } from './request';

// The methods that change something and are not idempotent by themselves (PUT is, but a key costs nothing there).
const KEYED_METHODS = new Set(['POST', 'PUT', 'PATCH']);
// What of an answer is replayed besides its status and body.
const REPLAYED_HEADERS = ['content-type', 'location', COMPLETION_APPLIED_HEADER.toLowerCase()];
const BAD_KEY = `The ${IDEMPOTENCY_KEY_HEADER} header must be 1 to 255 printable ASCII characters, such as a UUID`;

/**
 * The request's Idempotency-Key, or null without one. The draft spells it as a structured-field string
 * (`"8e03978e-…"`); the bare value that Stripe's clients send is accepted too. Throws BadRequestError naming the header.
 */
export function idempotencyKeyOf(request: Request): string | null {
  const raw = request.headers.get(IDEMPOTENCY_KEY_HEADER);
  if (raw === null) return null;
  const quoted = /^"((?:[^"\\]|\\["\\])*)"$/.exec(raw);
  const key = quoted ? quoted[1].replace(/\\(["\\])/g, '$1') : raw;
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) throw new BadRequestError(BAD_KEY);
  return key;
}

async function toStored(response: Response): Promise<StoredResponse> {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  return { status: response.status, headers, body: await response.text() };
}

function fromStored({ status, headers, body }: StoredResponse, isReplay: boolean): Response {
  return new Response(status === 204 || status === 304 ? null : body, { status, headers: isReplay ? { ...headers, [IDEMPOTENT_REPLAYED_HEADER]: 'true' } : headers });
}

/**
 * Answers a keyed POST, PUT or PATCH once per caller and key: the first runs `handle` and its answer, a refusal (4xx)
 * included, is kept a day; the same request again replays it with `Idempotent-Replayed: true`; another request with
 * the key is a 422, and one while the first is still running a 409 (after a short wait for its answer). An answer
 * from our side (5xx) is not kept, so a retry runs. Other methods and requests without the header just run.
 */
export async function idempotentResponse(request: Request, actor: Pick<Actor, 'type' | 'id'>, handle: () => Promise<Response>): Promise<Response> {
  if (!KEYED_METHODS.has(request.method) || idempotencyKeyOf(request) === null) return handle();
  return idempotentResponseFor(request, actor, await readText(request.clone()), handle);
}

/**
 * The same, for a route that reads its body itself (a CSV upload far over the JSON bound): `input` stands for the
 * body in the request's fingerprint, such as the SHA-256 of the bytes the route stored.
 */
export async function idempotentResponseFor(request: Request, actor: Pick<Actor, 'type' | 'id'>, input: string, handle: () => Promise<Response>): Promise<Response> {
  const key = idempotencyKeyOf(request);
  if (key === null) return handle();
  const url = new URL(request.url);
  const fingerprint = requestFingerprint(`${request.method} ${url.pathname}${url.search}`, input);
  const { response, isReplay } = await runIdempotently({
    scope: idempotencyScope(actor),
    key,
    fingerprint,
    run: async () => toStored(await handle().catch(problemFromError)),
  });
  return fromStored(response, isReplay);
}
