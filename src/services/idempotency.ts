/**
 * Safe retries (the IETF Idempotency-Key draft, as Stripe does it): the first request with a caller's key runs and its
 * answer is stored; the same key with the same request replays that answer; with another request it is refused. The
 * adapters (http/api-route, http/idempotent-action) say what a request and an answer are; this module only keeps them.
 */
import { createHash } from 'node:crypto';

import { and, eq, lt, or, sql } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { idempotencyKeys } from '@/db/schema';
import type { Actor } from '@/lib/types';

import { ConflictError, ValidationFailedError } from './errors';

/** What is replayed: the status, the few headers that matter (Location, Completion-Applied, content-type), the body. */
export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A key as the draft allows it here: 1 to 255 printable ASCII characters (a UUID, say). */
export const IDEMPOTENCY_KEY_PATTERN = /^(?! *$)[\x20-\x7e]{1,255}$/;

/** How long a key is remembered: a retry a day later runs as a new request. */
export const IDEMPOTENCY_KEY_TTL_HOURS = 24;

// A request still running after this is taken to have died with its instance, and a retry may run in its place.
// Far longer than any request here takes; the price of a shorter one is a second effect for a slow first request.
const LEASE_MS = 5 * 60_000;
// A retry that finds the first request still running waits this long for its answer before the 409: a double click
// or a client's quick retry then gets the real answer instead of an error to handle.
const WAIT_MS = 2_000;
const POLL_MS = 25;

const KEY_PATH = 'Idempotency-Key';
const REUSED = 'This Idempotency-Key was already used for a different request; send a new key for a new request';
const RUNNING = 'A request with this Idempotency-Key is still running; retry it in a moment to get its answer';

/** Whose keys these are: two callers may send the same key without meeting. */
export function idempotencyScope(actor: Pick<Actor, 'type' | 'id'>): string {
  return `${actor.type}:${actor.id ?? '-'}`;
}

// JSON with object keys sorted, so that a retry that orders its fields differently is the same request. A value
// nested too deep for JSON.stringify (a hostile body) is fingerprinted as sent.
function canonicalJson(value: unknown): string | null {
  try {
    return JSON.stringify(value, (_key, item: unknown) =>
      item && typeof item === 'object' && !Array.isArray(item) ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : item,
    );
  } catch {
    return null;
  }
}

/** SHA-256 of what a request asks: its name (method and path, or the action) and its input, canonical when it is JSON. */
export function requestFingerprint(name: string, input: unknown): string {
  let body: string;
  if (typeof input === 'string') {
    let parsed: unknown;
    try {
      parsed = input.trim() ? JSON.parse(input) : {};
    } catch {
      parsed = undefined;
    }
    body = (parsed === undefined ? null : canonicalJson(parsed)) ?? input;
  } else {
    body = canonicalJson(input ?? {}) ?? String(input);
  }
  return createHash('sha256').update(name).update('\n').update(body).digest('hex');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface KeyRef {
  scope: string;
  key: string;
}

const whereKey = ({ scope, key }: KeyRef) => and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key));
const isExpired = sql`${idempotencyKeys.createdAt} < now() - ${IDEMPOTENCY_KEY_TTL_HOURS} * interval '1 hour'`;
const leaseUntil = sql`now() + ${LEASE_MS} * interval '1 millisecond'`;

/**
 * Takes the key for this request, or finds its answer. The insert is the lock: of several requests with one key,
 * exactly one inserts. A row older than a day, or one whose request died (lease passed) with the same fingerprint,
 * is taken over. Returns null when the caller should run, else the stored answer. Throws ValidationFailedError (the
 * key was used for another request), ConflictError (the first request is still running after `waitMs`).
 */
export async function claimIdempotencyKey({ scope, key, fingerprint, waitMs = WAIT_MS }: KeyRef & { fingerprint: string; waitMs?: number }): Promise<StoredResponse | null> {
  const db = getDb();
  const started = Date.now();
  for (;;) {
    const [inserted] = await db.insert(idempotencyKeys).values({ scope, key, fingerprint, leaseExpiresAt: leaseUntil }).onConflictDoNothing().returning({ key: idempotencyKeys.key });
    if (inserted) return null;
    const stale = or(isExpired, and(eq(idempotencyKeys.state, 'running'), lt(idempotencyKeys.leaseExpiresAt, sql`now()`), eq(idempotencyKeys.fingerprint, fingerprint)));
    const [takenOver] = await db
      .update(idempotencyKeys)
      .set({ fingerprint, state: 'running', leaseExpiresAt: leaseUntil, responseStatus: null, responseHeaders: null, responseBody: null, createdAt: sql`now()` })
      .where(and(whereKey({ scope, key }), stale))
      .returning({ key: idempotencyKeys.key });
    if (takenOver) return null;
    const [row] = await db.select().from(idempotencyKeys).where(whereKey({ scope, key }));
    if (!row) continue;
    if (row.fingerprint !== fingerprint) throw new ValidationFailedError(REUSED, [{ path: KEY_PATH, message: REUSED }]);
    if (row.state === 'done') return { status: row.responseStatus!, headers: row.responseHeaders ?? {}, body: row.responseBody ?? '' };
    if (Date.now() - started >= waitMs) throw new ConflictError(RUNNING, [{ path: KEY_PATH, message: RUNNING }]);
    await sleep(POLL_MS);
  }
}

/** Stores the answer of the request that holds the key, for its retries to replay. */
export async function saveIdempotentResponse({ scope, key, response }: KeyRef & { response: StoredResponse }): Promise<void> {
  await getDb()
    .update(idempotencyKeys)
    .set({ state: 'done', responseStatus: response.status, responseHeaders: response.headers, responseBody: response.body })
    .where(and(whereKey({ scope, key }), eq(idempotencyKeys.state, 'running')));
}

/** Forgets a key whose request failed on our side (5xx, thrown), so that a retry runs again. */
export async function releaseIdempotencyKey(ref: KeyRef): Promise<void> {
  await getDb().delete(idempotencyKeys).where(and(whereKey(ref), eq(idempotencyKeys.state, 'running')));
}

/**
 * Runs `run` once per caller's key and request: the first call runs it and stores its answer unless `isKept` says
 * no (by default a 5xx or 429, which a retry should run again; a thrown error likewise); a repeat answers the stored
 * response with `isReplay`. Throws what claimIdempotencyKey throws, and what `run` throws.
 */
export async function runIdempotently({
  scope,
  key,
  fingerprint,
  run,
  isKept = (response) => response.status < 500 && response.status !== 429,
  waitMs,
}: KeyRef & { fingerprint: string; run: () => Promise<StoredResponse>; isKept?: (response: StoredResponse) => boolean; waitMs?: number }): Promise<{ response: StoredResponse; isReplay: boolean }> {
  const stored = await claimIdempotencyKey({ scope, key, fingerprint, waitMs });
  if (stored) return { response: stored, isReplay: true };
  let response: StoredResponse;
  try {
    response = await run();
  } catch (error) {
    await releaseIdempotencyKey({ scope, key });
    throw error;
  }
  if (isKept(response)) await saveIdempotentResponse({ scope, key, response });
  else await releaseIdempotencyKey({ scope, key });
  return { response, isReplay: false };
}

/** Deletes keys older than a day (their requests can no longer be replayed); the job worker calls it hourly. Returns how many. */
export async function pruneIdempotencyKeys(): Promise<number> {
  const rows = await getDb().delete(idempotencyKeys).where(isExpired).returning({ key: idempotencyKeys.key });
  return rows.length;
}
