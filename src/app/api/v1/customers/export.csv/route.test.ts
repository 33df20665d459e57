import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { customers } from '@/db/schema';
import { apiKey, call, problemOf, SYSTEM } from '@/http/test-http';
import { SHOPIFY_CURRENT_HEADER } from '@/lib/csv-formats';
import { createCustomer } from '@/services/customers';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';
import { signInStaffMember } from '@/test/store-session';

import * as exportRoute from './route';

withTestDatabase();

const BULK = 5000;

let adminKey: string;
let staffKey: string;
const ids: string[] = [];

beforeAll(async () => {
  adminKey = await apiKey('admin');
  staffKey = await apiKey('staff');
  for (const [firstName, tags] of [['Ada', ['vip']], ['Grace', ['vip']], ['Linus', []]] as const) {
    ids.push((await createCustomer({ actor: SYSTEM, input: { firstName, email: `${firstName.toLowerCase()}@example.com`, tags: [...tags] } })).id);
  }
});

const get = (query: string, options: Parameters<typeof call>[3] = { key: adminKey }) => call(exportRoute.GET, 'GET', `/customers/export.csv${query}`, options);

async function records(response: Response): Promise<Record<string, string>[]> {
  expect(response.status).toBe(200);
  return parse(await response.text(), { columns: true }) as Record<string, string>[];
}

describe(`GET /customers/export.csv (${TEST_DB_KIND})`, () => {
  it('answers 401 without credentials and 403 to staff, before it reads the query', async () => {
    expect((await get('', { key: null })).status).toBe(401);
    const refused = await get('?minSpend=lots&format=xlsx', { key: staffKey });
    expect(refused.status).toBe(403);
    expect(await problemOf(refused)).toMatchObject({ contentType: 'application/problem+json', paths: [] });
  });

  it('answers 422 problem+json naming each bad parameter, instead of starting a download', async () => {
    const response = await get(`?minSpend=lots&sort=sideways&format=xlsx&ids=${ids[0]},nope`);
    expect(response.status).toBe(422);
    const problem = await problemOf(response);
    expect(problem.contentType).toBe('application/problem+json');
    expect(problem.paths.sort()).toEqual(['format', 'ids.1', 'minSpend', 'sort']);
  });

  it('sends a CSV attachment named by the day, in Shopify columns by default', async () => {
    const response = await get('?sort=name:asc');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="customers-${new Date().toISOString().slice(0, 10)}.csv"`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await response.clone().text();
    expect(text.slice(0, text.indexOf('\r\n'))).toBe(SHOPIFY_CURRENT_HEADER.join(','));
    expect((await records(response)).map((record) => record['First Name'])).toEqual(['Ada', 'Grace', 'Linus']);
  });

  it("applies the list's filters and sort, and the selected ids comma-separated or repeated", async () => {
    expect((await records(await get('?tag=vip&sort=name:desc'))).map((record) => record['First Name'])).toEqual(['Grace', 'Ada']);
    expect((await records(await get(`?ids=${ids[0]},${ids[2]}&format=full&sort=name:asc`))).map((record) => record.ID)).toEqual([ids[0], ids[2]]);
    expect((await records(await get(`?ids=${ids[2]}&ids=${ids[1]}&format=full&sort=name:asc`))).map((record) => record.ID)).toEqual([ids[1], ids[2]]);
  });

  it('accepts the dashboard session of an owner', async () => {
    const { cookie } = await signInStaffMember({ email: 'owner.export@example.com', role: 'owner' });
    expect(await records(await get('?tag=vip', { headers: { cookie } }))).toHaveLength(2);
  });

  it('streams a few thousand customers in several chunks, the header alone first', async () => {
    const rows = Array.from({ length: BULK }, (_, i) => ({ firstName: `Bulk ${i}`, email: `bulk${i}@example.org` }));
    await getDb().insert(customers).values(rows);
    const response = await get('?format=full');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    const chunks: string[] = [];
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) chunks.push(decoder.decode(chunk.value, { stream: true }));
    expect(chunks[0].split('\r\n')).toHaveLength(2);
    expect(chunks.length).toBeGreaterThanOrEqual(4);
    expect(parse(chunks.join(''), { columns: true })).toHaveLength(BULK + 3);
  });
});
