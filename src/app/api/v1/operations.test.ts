// One list of operations (http/operations.ts) for the routes, their role checks and the OpenAPI document: every
// route file serves exactly the operations of its path, the document describes exactly those, and an operation for
// owners and admins refuses a staff key with 403 before it reads the path or the body (it used to answer 422 with
// the body's field errors, or a 500 for a bad id).
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { getDb, queryRows } from '@/db/client';
import { buildOpenApiDocument } from '@/http/openapi/document';
import { STAFF_OPERATIONS, STORE_OPERATIONS } from '@/http/operations';
import { apiKey, call, problemOf } from '@/http/test-http';
import { PERMISSIONS } from '@/lib/permissions';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

withTestDatabase();

type Handler = Parameters<typeof call>[0] & { operation?: string };
const routeModules = import.meta.glob<Record<string, Handler>>('./**/route.ts', { eager: true });
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Each exported handler by the operation its file's place says it serves: './orders/[id]/route.ts' → '/orders/{id}'. */
const served = Object.entries(routeModules).flatMap(([file, module]) => {
  const path = file.replace(/^\.|\/route\.ts$/g, '').replace(/\[(\w+)\]/g, '{$1}');
  return METHODS.filter((method) => module[method]).map((method) => ({ operation: `${method} ${path}`, handler: module[method] }));
});

const MANAGER_OPERATIONS = Object.entries(STAFF_OPERATIONS)
  .filter(([, permission]) => !(PERMISSIONS[permission] as readonly string[]).includes('staff'))
  .map(([operation]) => operation);

let staffKey: string;
beforeAll(async () => {
  staffKey = await apiKey('staff');
});

describe(`operations (${TEST_DB_KIND})`, () => {
  it('has a route for every listed operation, names each route by its file, and lists every route', () => {
    const listed = [...Object.keys(STAFF_OPERATIONS), ...STORE_OPERATIONS, 'GET /openapi.json'].sort();
    expect(served.map((route) => route.operation).sort()).toEqual(listed);
    for (const { operation, handler } of served) if (operation !== 'GET /openapi.json') expect(handler.operation).toBe(operation);
  });

  it('describes exactly the served operations, each staff one with its permission, and says "owner or admin" where only they may', () => {
    const document = buildOpenApiDocument();
    const described = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item as object)
        .filter((key) => METHODS.includes(key.toUpperCase()))
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(described.sort()).toEqual(served.map((route) => route.operation).sort());
    const paths = document.paths as unknown as Record<string, Record<string, { description?: string; responses: Record<string, unknown>; 'x-permission'?: string }>>;
    for (const [operation, permission] of Object.entries(STAFF_OPERATIONS)) {
      const [method, path] = operation.split(' ');
      const described = paths[path][method.toLowerCase()];
      expect(described['x-permission'], operation).toBe(permission);
      if (MANAGER_OPERATIONS.includes(operation)) {
        expect(described.description, operation).toMatch(/^Owner or admin only/);
        expect(described.responses['403'], operation).toBeDefined();
      }
    }
    expect(MANAGER_OPERATIONS.length).toBeGreaterThanOrEqual(20);
  });

  it('refuses a staff key on every owner-or-admin operation with 403, before the path id or the body, and changes nothing', async () => {
    const before = await rowCounts();
    for (const operation of MANAGER_OPERATIONS) {
      const [method, path] = operation.split(' ');
      const handler = served.find((route) => route.operation === operation)!.handler;
      const params = Object.fromEntries([...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name, 'not-an-id']));
      // A GET carries no body; its bad input is the query instead.
      const input = method === 'GET' ? { query: '?unknownField=1&limit=-1' } : { rawBody: '{"unknownField": [1, 2, 3], "amount": -1}', headers: { 'content-type': 'application/json' } };
      const response = await call(handler, method, `${path}${input.query ?? ''}`, { key: staffKey, params, rawBody: input.rawBody, headers: input.headers });
      expect(response.status, operation).toBe(403);
      const problem = await problemOf(response);
      expect(problem.contentType, operation).toBe('application/problem+json');
      expect(problem.paths, operation).toEqual([]);
    }
    expect(await rowCounts()).toEqual(before);
  });
});

async function rowCounts(): Promise<Record<string, number>> {
  const rows = await queryRows<{ name: string; count: number }>(
    getDb(),
    sql`select 'customers' as name, count(*)::int as count from customers union all select 'orders', count(*)::int from orders
        union all select 'customer_groups', count(*)::int from customer_groups union all select 'discounts', count(*)::int from discounts
        union all select 'campaigns', count(*)::int from campaigns union all select 'customer_events', count(*)::int from customer_events`,
  );
  return Object.fromEntries(rows.map((row) => [row.name, row.count]));
}
