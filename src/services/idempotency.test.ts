import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { idempotencyKeys } from '@/db/schema';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { ConflictError, ValidationFailedError } from './errors';
import { claimIdempotencyKey, pruneIdempotencyKeys, requestFingerprint, runIdempotently, type StoredResponse } from './idempotency';

withTestDatabase();

const answer = (status: number, body: string): StoredResponse => ({ status, headers: { location: '/x' }, body });

function counted(response: StoredResponse) {
  let runs = 0;
  return {
    runs: () => runs,
    run: async () => {
      runs += 1;
      return response;
    },
  };
}

let keyCount = 0;
const newKey = () => `key-${++keyCount}`;

describe(`runIdempotently (${TEST_DB_KIND})`, () => {
  it('runs once per scope and key, and replays the stored answer to a repeat', async () => {
    const key = newKey();
    const work = counted(answer(201, '{"id":1}'));
    const first = await runIdempotently({ scope: 'staff:a', key, fingerprint: 'f', run: work.run });
    const again = await runIdempotently({ scope: 'staff:a', key, fingerprint: 'f', run: work.run });
    expect(first).toEqual({ response: answer(201, '{"id":1}'), isReplay: false });
    expect(again).toEqual({ response: answer(201, '{"id":1}'), isReplay: true });
    expect(work.runs()).toBe(1);
  });

  it('keeps callers apart: the same key in another scope runs again', async () => {
    const key = newKey();
    const work = counted(answer(200, 'ok'));
    await runIdempotently({ scope: 'api_key:1', key, fingerprint: 'f', run: work.run });
    const other = await runIdempotently({ scope: 'api_key:2', key, fingerprint: 'f', run: work.run });
    expect(other.isReplay).toBe(false);
    expect(work.runs()).toBe(2);
  });

  it('refuses the key for a different request with ValidationFailedError naming it', async () => {
    const key = newKey();
    await runIdempotently({ scope: 's', key, fingerprint: 'one', run: async () => answer(200, 'ok') });
    const refused = runIdempotently({ scope: 's', key, fingerprint: 'two', run: async () => answer(200, 'ok') });
    await expect(refused).rejects.toBeInstanceOf(ValidationFailedError);
    await expect(refused).rejects.toMatchObject({ fieldErrors: [{ path: 'Idempotency-Key' }] });
  });

  it('keeps a refusal (4xx) like a success, but forgets a failure on our side (5xx, thrown) so a retry runs', async () => {
    const refusal = newKey();
    await runIdempotently({ scope: 's', key: refusal, fingerprint: 'f', run: async () => answer(422, 'no') });
    expect((await runIdempotently({ scope: 's', key: refusal, fingerprint: 'f', run: async () => answer(200, 'yes') })).response.status).toBe(422);

    const failed = newKey();
    await runIdempotently({ scope: 's', key: failed, fingerprint: 'f', run: async () => answer(500, 'oops') });
    await expect(runIdempotently({ scope: 's', key: failed, fingerprint: 'f', run: () => Promise.reject(new Error('down')) })).rejects.toThrow('down');
    expect(await runIdempotently({ scope: 's', key: failed, fingerprint: 'f', run: async () => answer(200, 'yes') })).toMatchObject({ response: { status: 200 }, isReplay: false });
  });

  it('answers ConflictError while the first request still runs, and its answer once it has one', async () => {
    const key = newKey();
    let finish: (response: StoredResponse) => void = () => undefined;
    const first = runIdempotently({ scope: 's', key, fingerprint: 'f', run: () => new Promise<StoredResponse>((resolve) => (finish = resolve)) });
    await expect.poll(async () => (await getDb().select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key))).length).toBe(1);
    await expect(runIdempotently({ scope: 's', key, fingerprint: 'f', run: async () => answer(200, 'second'), waitMs: 0 })).rejects.toBeInstanceOf(ConflictError);
    // A retry that waits long enough gets the first request's answer.
    const waiting = runIdempotently({ scope: 's', key, fingerprint: 'f', run: async () => answer(200, 'second'), waitMs: 10_000 });
    finish(answer(201, 'first'));
    expect(await first).toMatchObject({ response: { body: 'first' }, isReplay: false });
    expect(await waiting).toMatchObject({ response: { body: 'first' }, isReplay: true });
  });

  it('runs exactly one of many concurrent requests with one key', async () => {
    const key = newKey();
    const work = counted(answer(201, 'made'));
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => runIdempotently({ scope: 's', key, fingerprint: 'f', run: work.run })));
    expect(work.runs()).toBe(1);
    expect(outcomes.filter((o) => o.status === 'fulfilled' && !o.value.isReplay)).toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(ConflictError);
      else expect(outcome.value.response.body).toBe('made');
    }
  });

  it('lets a retry take over a request whose lease ran out (its instance died), but not with another request', async () => {
    const key = newKey();
    expect(await claimIdempotencyKey({ scope: 's', key, fingerprint: 'f' })).toBeNull();
    await getDb().update(idempotencyKeys).set({ leaseExpiresAt: sql`now() - interval '1 second'` }).where(eq(idempotencyKeys.key, key));
    await expect(claimIdempotencyKey({ scope: 's', key, fingerprint: 'other', waitMs: 0 })).rejects.toBeInstanceOf(ValidationFailedError);
    expect(await runIdempotently({ scope: 's', key, fingerprint: 'f', run: async () => answer(200, 'retried') })).toMatchObject({ isReplay: false });
  });

  it('forgets keys after a day: an old key runs again, and pruning deletes old rows only', async () => {
    const old = newKey();
    const recent = newKey();
    await runIdempotently({ scope: 's', key: old, fingerprint: 'f', run: async () => answer(200, 'then') });
    await runIdempotently({ scope: 's', key: recent, fingerprint: 'f', run: async () => answer(200, 'now') });
    await getDb().update(idempotencyKeys).set({ createdAt: sql`now() - interval '25 hours'` }).where(eq(idempotencyKeys.key, old));
    expect(await runIdempotently({ scope: 's', key: old, fingerprint: 'g', run: async () => answer(200, 'again') })).toMatchObject({ response: { body: 'again' }, isReplay: false });

    await getDb().update(idempotencyKeys).set({ createdAt: sql`now() - interval '25 hours'` }).where(eq(idempotencyKeys.key, old));
    expect(await pruneIdempotencyKeys()).toBe(1);
    const left = await getDb().select({ key: idempotencyKeys.key }).from(idempotencyKeys).where(sql`${idempotencyKeys.key} in (${old}, ${recent})`);
    expect(left).toEqual([{ key: recent }]);
  });
});

describe('requestFingerprint', () => {
  it('is the same for JSON bodies that differ only in key order or spacing, and differs by name and content', () => {
    const a = requestFingerprint('POST /orders', '{"b": 1, "a": {"y": 2, "x": [1, 2]}}');
    expect(requestFingerprint('POST /orders', '{"a":{"x":[1,2],"y":2},"b":1}')).toBe(a);
    expect(requestFingerprint('POST /orders', '{"a":{"x":[2,1],"y":2},"b":1}')).not.toBe(a);
    expect(requestFingerprint('POST /customers', '{"a":{"x":[1,2],"y":2},"b":1}')).not.toBe(a);
    expect(requestFingerprint('action x', { b: 1, a: 2 })).toBe(requestFingerprint('action x', { a: 2, b: 1 }));
    expect(requestFingerprint('POST /orders', 'not json')).not.toBe(requestFingerprint('POST /orders', 'not json!'));
    expect(requestFingerprint('POST /orders', '')).toBe(requestFingerprint('POST /orders', '{}'));
  });
});
