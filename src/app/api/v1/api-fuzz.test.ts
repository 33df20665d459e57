// A property-based walk of every operation of the served OpenAPI document (_fuzz/ builds the requests from it): valid
// and broken paths, queries and bodies, sent by an admin key, an owner's and a staff member's session, a staff key, a
// shopper and an anonymous caller. Whatever is sent: no 5xx; every 4xx is problem+json; no credentials is a 401; a
// role the operation's x-roles leaves out is a 403; a shopper on a staff operation and staff on a store one are a
// 401; a cookie write from another site is a 403; and a refused request changes no row.
//
// Seeded and bounded: API_FUZZ_SEED replays a run (the seed is printed every time), API_FUZZ_RUNS sets how many
// requests it sends (the default keeps it near a minute per database on two cores).
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { getDb, queryRows } from '@/db/client';
import { CROSS_SITE } from '@/http/api-route';
import { buildOpenApiDocument } from '@/http/openapi/document';
import { pathIdsOf } from '@/http/operations';
import { apiKey } from '@/http/test-http';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';
import { signInStaffMember, signUpStoreCustomer, STORE_TEST_ORIGIN } from '@/test/store-session';

import { COOKIE_CALLERS, operationsOf, requestOf, type FuzzRequest, type OperationSpec } from './_fuzz/request-arbitrary';
import type { JsonSchema } from './_fuzz/schema-arbitrary';
import { buildRequest, Pools, type Credentials } from './_fuzz/send';

withTestDatabase();

const SEED = Number(process.env.API_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
// About 100 requests a second on PGlite or PostgreSQL alone; the suite's other files share the two CI cores.
const RUNS = Number(process.env.API_FUZZ_RUNS ?? 3_000);
// On a machine too busy to send them all in time, the walk stops after this long and passes on what it sent (the
// histogram says how many), rather than failing at the test's timeout.
const SECONDS = Number(process.env.API_FUZZ_SECONDS ?? 600);

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;
const routeModules = import.meta.glob<Record<string, Handler>>('./**/route.ts', { eager: true });
const handlers = new Map<string, Handler>(
  Object.entries(routeModules).flatMap(([file, module]) => {
    const path = file.replace(/^\.|\/route\.ts$/g, '').replace(/\[(\w+)\]/g, '{$1}');
    return Object.entries(module)
      .filter(([method]) => ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(method))
      .map(([method, handler]) => [`${method} ${path}`, handler] as const);
  }),
);

const document = buildOpenApiDocument() as unknown as Parameters<typeof operationsOf>[0];
const schemas = document.components.schemas as Record<string, JsonSchema>;
const specs = operationsOf(document);
const specByOperation = new Map(specs.map((spec) => [spec.operation, spec]));

/** What a path parameter of `operation` names: 'customer', 'address', 'staff member' ... */
const kindOf = (operation: string, name: string) => pathIdsOf(operation).find(([param]) => param === name)?.[1] ?? 'record';

const pools = new Pools();
let credentials: Credentials;

interface Answer {
  status: number;
  contentType: string | null;
  body: unknown;
}

async function send(fuzz: FuzzRequest): Promise<Answer & { summary: string }> {
  const spec = specByOperation.get(fuzz.operation)!;
  const { request, params, summary } = buildRequest(fuzz, spec.path, pools, credentials);
  const response = await handlers.get(fuzz.operation)!(request, { params: Promise.resolve(params) });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // Kept as text; a 4xx that is not JSON is reported below.
  }
  if (response.status < 300) remember(spec, body);
  return { status: response.status, contentType: response.headers.get('content-type'), body, summary };
}

/** Keeps the ids of what a list or a create answered, by what the collection holds, and each list's next cursor. */
function remember(spec: OperationSpec, body: unknown): void {
  if (!body || typeof body !== 'object') return;
  const page = body as { id?: unknown; data?: unknown; nextCursor?: unknown };
  if (typeof page.nextCursor === 'string') pools.addCursor(spec.operation, page.nextCursor);
  if (spec.path.endsWith('}')) return;
  const kind = kindOf(`GET ${spec.path}/{new}`, 'new');
  const items = Array.isArray(page.data) ? page.data : Array.isArray(body) ? body : [page];
  const ids = items.map((item) => (item as { id?: unknown })?.id).filter((id): id is string => typeof id === 'string');
  if (kind !== 'record' && ids.length) pools.addIds(kind, ids);
}

/** Row counts and last changes of the tables a request can write: a refused one must leave them as they were. */
async function fingerprint(): Promise<string> {
  const rows = await queryRows<{ name: string; count: number; last: string | null }>(
    getDb(),
    sql`select 'customers' as name, count(*)::int as count, max(updated_at)::text as last from customers
        union all select 'orders', count(*)::int, max(updated_at)::text from orders
        union all select 'order_items', count(*)::int, null from order_items
        union all select 'order_refunds', count(*)::int, max(created_at)::text from order_refunds
        union all select 'customer_events', count(*)::int, max(created_at)::text from customer_events
        union all select 'customer_groups', count(*)::int, max(updated_at)::text from customer_groups
        union all select 'customer_addresses', count(*)::int, max(updated_at)::text from customer_addresses
        union all select 'discounts', count(*)::int, max(updated_at)::text from discounts
        union all select 'discount_target_groups', count(*)::int, null from discount_target_groups
        union all select 'campaigns', count(*)::int, max(updated_at)::text from campaigns
        union all select 'campaign_deliveries', count(*)::int, null from campaign_deliveries
        union all select 'classification_suggestions', count(*)::int, md5(coalesce(string_agg(id::text || status, ',' order by id), '')) from classification_suggestions
        union all select 'classification_runs', count(*)::int, md5(coalesce(string_agg(id::text || status, ',' order by id), '')) from classification_runs
        union all select 'jobs', count(*)::int, max(updated_at)::text from jobs
        union all select 'shop_settings', count(*)::int, max(updated_at)::text from shop_settings`,
  );
  return rows.map((row) => `${row.name}:${row.count}:${row.last}`).join('; ');
}

/**
 * The fingerprint once the background work a request started (a campaign send, a classification run, in this process)
 * has finished: no job running, and no change over a short wait, so that it is not taken for the next request's.
 */
async function settledFingerprint(): Promise<string> {
  let previous = await fingerprint();
  for (let attempt = 0; attempt < 500; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    // A job queued by runJobInBackground is claimed a moment after the answer; one left queued longer has no taker here.
    const [{ running }] = await queryRows<{ running: number }>(
      getDb(),
      sql`select count(*)::int as running from jobs where status = 'running' or (status = 'queued' and created_at > now() - interval '5 seconds')`,
    );
    const current = await fingerprint();
    if (running === 0 && current === previous) return current;
    previous = current;
  }
  throw new Error('The background jobs did not settle within 10 s');
}

/** What the response must be, whatever the handler does with the input; null when any status may do. */
function expectedRefusal(fuzz: FuzzRequest, spec: OperationSpec): { status: number; why: string } | null {
  const isStaffCaller = fuzz.caller !== 'shopper' && fuzz.caller !== 'anonymous';
  if (fuzz.caller === 'anonymous') return { status: 401, why: 'no credentials' };
  if (spec.isStore && isStaffCaller) return { status: 401, why: 'staff are not shoppers' };
  if (!spec.isStore && fuzz.caller === 'shopper') return { status: 401, why: 'a shopper is not staff' };
  if (fuzz.isCrossSite && COOKIE_CALLERS.includes(fuzz.caller)) return { status: 403, why: 'a cookie write from another site' };
  if ((fuzz.caller === 'staffKey' || fuzz.caller === 'staffSession') && !spec.roles!.includes('staff')) return { status: 403, why: `x-roles is ${spec.roles!.join(', ')}` };
  return null;
}

const violations = new Map<string, { count: number; example: string }>();
const statuses = new Map<number, number>();
// API_FUZZ_VERBOSE=1 prints each operation's statuses: which ones the generator rarely gets past validation.
const statusesByOperation = new Map<string, Map<number, number>>();

function violate(rule: string, fuzz: FuzzRequest, answer: Answer & { summary: string }, more = ''): void {
  const key = `${fuzz.operation} · ${rule}`;
  const seen = violations.get(key);
  if (seen) seen.count += 1;
  else violations.set(key, { count: 1, example: `${answer.summary}\n      → ${answer.status} ${JSON.stringify(answer.body).slice(0, 400)}${more}` });
}

let lastFingerprint: string | null = null;

async function check(fuzz: FuzzRequest): Promise<void> {
  const spec = specByOperation.get(fuzz.operation)!;
  lastFingerprint ??= await settledFingerprint();
  const answer = await send(fuzz);
  statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
  const ofOperation = statusesByOperation.get(fuzz.operation) ?? new Map<number, number>();
  statusesByOperation.set(fuzz.operation, ofOperation.set(answer.status, (ofOperation.get(answer.status) ?? 0) + 1));
  if (answer.status >= 500) violate(`${answer.status}`, fuzz, answer);
  const expected = expectedRefusal(fuzz, spec);
  if (expected && answer.status !== expected.status) violate(`expected ${expected.status} (${expected.why}), got ${answer.status}`, fuzz, answer);
  // A 403 may still come from a rule of the record (an admin cannot see an owner's figures); a 401 may not.
  if (!expected && answer.status === 401) violate(`${fuzz.caller} is signed in, got 401`, fuzz, answer);
  const problem = answer.body as { status?: unknown; detail?: unknown } | null;
  if (fuzz.isCrossSite && !COOKIE_CALLERS.includes(fuzz.caller) && problem?.detail === CROSS_SITE) violate('an API key refused as a cross-site write', fuzz, answer);
  if (answer.status < 400) {
    lastFingerprint = null;
    return;
  }
  if (answer.contentType !== 'application/problem+json' || problem?.status !== answer.status || typeof problem?.detail !== 'string') {
    violate(`${answer.status} without a problem+json body`, fuzz, answer);
  }
  const after = await fingerprint();
  if (after !== lastFingerprint) {
    const changed = after.split('; ').filter((table) => !lastFingerprint!.split('; ').includes(table));
    violate(`a refused request (${answer.status}) changed rows`, fuzz, answer, `\n      changed: ${changed.join('; ')}`);
  }
  lastFingerprint = after;
}

async function seedRecords(): Promise<void> {
  const admin = (operation: string, body?: unknown, params: Record<string, string> = {}, query: [string, unknown][] = []) =>
    send({ operation, caller: 'adminKey', params, query, rawQuery: '', headers: {}, isCrossSite: false, body: body === undefined ? { kind: 'none' } : { kind: 'json', value: body, contentType: 'application/json' } });
  const created = async (operation: string, body: unknown, params: Record<string, string> = {}) => {
    const answer = await admin(operation, body, params);
    expect(answer.status, `${operation}: ${JSON.stringify(answer.body)}`).toBeLessThan(300);
    return (answer.body as { id: string }).id;
  };
  const shopper = await signUpStoreCustomer({ email: 'shopper.fuzz@example.com', firstName: 'Sam', lastName: 'Shopper' });
  credentials.shopperCookie = shopper.cookie;
  const groupId = await created('POST /customer-groups', { name: 'Regulars', description: 'Seeded for the API fuzz' });
  const customerId = await created('POST /customers', { firstName: 'Ada', lastName: 'Lovelace', email: 'ada.fuzz@example.com', customerGroupId: groupId, tags: ['vip'] });
  for (const id of [customerId, shopper.customerId]) {
    await created('POST /customers/{id}/addresses', { line1: '1 High Street', city: 'London', countryCode: 'GB', isDefaultShipping: true }, { id });
    const orders = [];
    for (const unitPrice of [1_250, 4_999, 30_000]) {
      orders.push(await created('POST /orders', { customerId: id, currency: 'GBP', items: [{ sku: `SKU-${unitPrice}`, name: 'Teapot', quantity: 2, unitPrice }] }));
    }
    await created('POST /orders/{id}/complete', undefined, { id: orders[0] });
    await created('POST /orders/{id}/complete', undefined, { id: orders[1] });
    await created('POST /orders/{id}/refund', { amount: 500, reason: 'Chipped lid' }, { id: orders[1] });
  }
  await created('POST /discounts', { code: 'WELCOME10', kind: 'percentage', value: 10, customerGroupIds: [groupId] });
  await created('POST /campaigns', { name: 'Spring', channel: 'email', subject: 'Hello', body: 'Tea time', customerGroupIds: [groupId] });
  await created('POST /classification-runs', {});
  await admin('POST /customers/{id}/classify', undefined, { id: customerId });
  // The lists fill the id pools (staff members, suggestions ...) and give each list a cursor to page on.
  for (const spec of specs.filter((candidate) => candidate.method === 'GET' && !candidate.path.includes('{'))) {
    const hasLimit = spec.parameters.some((parameter) => parameter.name === 'limit');
    if (spec.isStore) await send({ operation: spec.operation, caller: 'shopper', params: {}, query: hasLimit ? [['limit', 1]] : [], rawQuery: '', headers: {}, isCrossSite: false, body: { kind: 'none' } });
    else await admin(spec.operation, undefined, {}, hasLimit ? [['limit', 1]] : []);
  }
}

beforeAll(async () => {
  process.env.CLASSIFIER_PROVIDER = 'none';
  const [owner, staff] = [await signInStaffMember({ email: 'owner.fuzz@staff.test', role: 'owner' }), await signInStaffMember({ email: 'staff.fuzz@staff.test', role: 'staff' })];
  credentials = { adminKey: await apiKey('admin'), staffKey: await apiKey('staff'), ownerCookie: owner.cookie, staffCookie: staff.cookie, shopperCookie: '', origin: STORE_TEST_ORIGIN };
  await seedRecords();
}, 120_000);

const histogramOf = (counts: Map<number, number>) => [...counts].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`).join(' ');

afterAll(() => {
  if (process.env.API_FUZZ_VERBOSE) for (const [operation, counts] of [...statusesByOperation].sort()) console.info(`  ${operation}: ${histogramOf(counts)}`);
  const histogram = histogramOf(statuses);
  const total = [...statuses.values()].reduce((sum, count) => sum + count, 0);
  console.info(`API fuzz (${TEST_DB_KIND}): seed ${SEED}, ${total} requests: ${histogram}`);
});

describe(`API fuzz (${TEST_DB_KIND})`, () => {
  it('answers every generated request without a 5xx, with problem+json on every 4xx, the right 401 and 403, and no row changed by a refusal', async () => {
    const replay = `API_FUZZ_SEED=${SEED} API_FUZZ_RUNS=${RUNS}`;
    console.info(`API fuzz (${TEST_DB_KIND}): ${specs.length} operations, ${RUNS} requests; replay with ${replay}`);
    expect(specs.filter((spec) => !handlers.has(spec.operation))).toEqual([]);
    const anyRequest = fc.oneof(...specs.map((spec) => requestOf(spec, schemas, (name) => kindOf(spec.operation, name))));
    await fc.assert(fc.asyncProperty(anyRequest, check), { seed: SEED, numRuns: RUNS, interruptAfterTimeLimit: SECONDS * 1000, markInterruptAsFailure: false });
    const report = [...violations].map(([rule, { count, example }]) => `  ${rule} (${count}×)\n    e.g. ${example}`).join('\n');
    expect(violations.size, `${violations.size} kinds of violation (replay with ${replay}):\n${report}`).toBe(0);
  }, 900_000);
});
