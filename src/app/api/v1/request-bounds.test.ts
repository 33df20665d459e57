// Crafted requests that used to reach a 500: a body nested thousands of levels (the NUL check recursed until the
// stack overflowed), a body of any size, a path id with a NUL byte that reached PostgreSQL unchecked, and text with
// a lone surrogate stored in a jsonb column (found by api-fuzz.test.ts).
import { beforeAll, describe, expect, it } from 'vitest';

import { MAX_BODY_BYTES } from '@/http/request';
import { apiKey, call, problemOf } from '@/http/test-http';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import * as classificationRunsRoute from './classification-runs/route';
import * as groupMembersRoute from './customer-groups/[id]/members/route';
import * as customersRoute from './customers/route';
import * as staffMetricsRoute from './staff/[id]/metrics/route';
import * as suggestionRejectRoute from './classification-suggestions/[id]/reject/route';

withTestDatabase();

let adminKey: string;
beforeAll(async () => {
  adminKey = await apiKey('admin');
});

const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

describe(`request bounds (${TEST_DB_KIND})`, () => {
  it('refuses a body nested 2,000 levels deep with 422 naming the depth, in a 4 KB body, not a stack overflow', async () => {
    const rawBody = `{"firstName":"Ada","notes":${nested(2_000)}}`;
    const response = await call(customersRoute.POST, 'POST', '/customers', { key: adminKey, rawBody, headers: { 'content-type': 'application/json' } });
    const problem = await problemOf(response);
    expect(response.status).toBe(422);
    expect(problem.contentType).toBe('application/problem+json');
    expect(problem.detail).toMatch(/nests deeper than 32 levels/);
  });

  it('still takes a body that nests as deep as a real one', async () => {
    const response = await call(customersRoute.POST, 'POST', '/customers', { key: adminKey, body: { firstName: 'Ada', email: 'ada-depth@example.com', tags: ['a', 'b'] } });
    expect(response.status).toBe(201);
  });

  it('refuses a body over 1 MiB with 413, whether or not it says its length', async () => {
    const rawBody = JSON.stringify({ firstName: 'x'.repeat(MAX_BODY_BYTES) });
    const response = await call(customersRoute.POST, 'POST', '/customers', { key: adminKey, rawBody, headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(413);
    expect((await problemOf(response)).detail).toMatch(/larger than 1 MiB/);
    const said = await call(customersRoute.POST, 'POST', '/customers', { key: adminKey, rawBody: '{}', headers: { 'content-type': 'application/json', 'content-length': String(MAX_BODY_BYTES + 1) } });
    expect(said.status).toBe(413);
  });

  it('answers a body over 1 MiB sent with an Idempotency-Key with 413 at once, rather than never', async () => {
    // The key's fingerprint reads a clone of the body; giving up on it must not wait for the unread original.
    const rawBody = JSON.stringify({ firstName: 'x'.repeat(MAX_BODY_BYTES) });
    const answer = call(customersRoute.POST, 'POST', '/customers', { key: adminKey, rawBody, headers: { 'content-type': 'application/json', 'idempotency-key': 'too-big-1' } });
    const waited = new Promise<'no answer'>((resolve) => setTimeout(() => resolve('no answer'), 10_000));
    const response = await Promise.race([answer, waited]);
    expect(response).not.toBe('no answer');
    expect((response as Response).status).toBe(413);
  });

  it('refuses text with a lone surrogate (\\ud800, which a jsonb column cannot hold) with 422 naming the field, not a 500', async () => {
    const rawBody = '{"filter":{"createdById":"\\ud800"}}';
    const response = await call(classificationRunsRoute.POST, 'POST', '/classification-runs', { key: adminKey, rawBody, headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(422);
    expect((await problemOf(response)).paths).toEqual(['filter.createdById']);
    const paired = await call(customersRoute.POST, 'POST', '/customers', { key: adminKey, body: { firstName: 'Ada 😀', email: 'ada-emoji@example.com' } });
    expect(paired.status).toBe(201);
  });

  it('answers a path id with a NUL byte, or any non-uuid, with 404 on every kind of id', async () => {
    const staff = await call(staffMetricsRoute.GET, 'GET', '/staff/%00/metrics', { key: adminKey, params: { id: '\u0000' } });
    expect(staff.status).toBe(404);
    expect((await problemOf(staff)).detail).toBe('No staff member with this id');
    const suggestion = await call(suggestionRejectRoute.POST, 'POST', '/classification-suggestions/%00/reject', { key: adminKey, params: { id: '\u0000' } });
    expect(suggestion.status).toBe(404);
    // The id is checked before the body: an id that names nothing is a 404 whatever the body says.
    const members = await call(groupMembersRoute.POST, 'POST', '/customer-groups/x/members', { key: adminKey, params: { id: 'x' }, body: { customerIds: [] } });
    expect(members.status).toBe(404);
  });
});
