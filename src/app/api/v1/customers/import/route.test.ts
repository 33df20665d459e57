import { beforeAll, describe, expect, it } from 'vitest';

import { apiKey, call, problemOf } from '@/http/test-http';
import type { Job } from '@/lib/job-types';
import type { ImportReport } from '@/services/customer-import';
import { csvOf, headerOf } from '@/services/customer-import/test-files';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import * as jobRoute from '../../jobs/[id]/route';
import * as customersRoute from '../route';
import * as importRoute from './route';

withTestDatabase();

let adminKey: string;
let staffKey: string;
const CSV = { 'content-type': 'text/csv' };
const SHOPIFY = headerOf('shopifyCurrent');
const file = csvOf(SHOPIFY, [
  { 'First Name': 'Grace', 'Last Name': 'Hopper', Email: 'grace@example.test', 'Accepts Email Marketing': 'yes', Tags: 'navy, cobol' },
  { 'First Name': 'Bad', Email: 'not-an-email' },
  { 'First Name': 'Alan', Phone: "'+447911123456", 'Default Address Address1': '1 Bletchley Park', 'Default Address City': 'Milton Keynes', 'Default Address Country Code': 'GB' },
]);

beforeAll(async () => {
  adminKey = await apiKey('admin');
  staffKey = await apiKey('staff');
});

describe(`POST /customers/import and GET /jobs/{id} (${TEST_DB_KIND})`, () => {
  it('asks for credentials, and refuses the staff role before reading the file', async () => {
    expect((await call(importRoute.POST, 'POST', '/customers/import?dryRun=true', { rawBody: file, headers: CSV })).status).toBe(401);
    const refused = await call(importRoute.POST, 'POST', '/customers/import?dryRun=true', { key: staffKey, rawBody: file, headers: CSV });
    expect(await problemOf(refused)).toMatchObject({ status: 403, contentType: 'application/problem+json' });
  });

  it('refuses an unknown header with a 422 naming each unknown column, and a body that is not CSV with a 400', async () => {
    const response = await call(importRoute.POST, 'POST', '/customers/import?dryRun=true', { key: adminKey, rawBody: 'Email,Points,email\na@b.test,3,x\n', headers: CSV });
    const body = (await response.json()) as { status: number; errors: { path: string; message: string }[] };
    expect(body.status).toBe(422);
    expect(body.errors).toEqual([
      { path: 'columns', message: 'Unknown column "Points"' },
      { path: 'columns', message: 'Unknown column "email"' },
    ]);
    const json = await call(importRoute.POST, 'POST', '/customers/import', { key: adminKey, body: { email: 'x@y.test' } });
    expect((await problemOf(json)).status).toBe(400);
  });

  it('imports a file with an unknown header once its columns are mapped', async () => {
    const mapping = encodeURIComponent(JSON.stringify({ 'E-mail address': 'email', Vorname: 'firstName', Points: 'skip' }));
    const response = await call(importRoute.POST, 'POST', `/customers/import?dryRun=true&mapping=${mapping}`, { key: adminKey, rawBody: 'Vorname,E-mail address,Points\nJürgen,j@example.test,3\n', headers: CSV });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ format: 'Columns mapped by hand', created: 1, ignoredColumns: ['Points'] });
  });

  it('dry-runs with the report per row, then imports as a job whose progress and report GET /jobs/{id} gives', async () => {
    const dry = await call(importRoute.POST, 'POST', '/customers/import?dryRun=true&fileName=shop.csv', { key: adminKey, rawBody: file, headers: CSV });
    expect(dry.status).toBe(200);
    const report = (await dry.json()) as ImportReport & { fileId: string };
    expect(report).toMatchObject({ fileName: 'shop.csv', format: 'Shopify customer export (current)', rows: 3, created: 2, errors: 1, dryRun: true });
    expect(report.problems).toEqual([{ line: 3, column: 'Email', message: 'Enter a valid email address, like name@example.com', kind: 'error' }]);
    expect((await (await call(customersRoute.GET, 'GET', '/customers', { key: adminKey })).json()).data).toHaveLength(0);

    const started = await call(importRoute.POST, 'POST', `/customers/import?fileId=${report.fileId}`, { key: adminKey, headers: { 'idempotency-key': 'import-1' } });
    expect(started.status).toBe(202);
    const job = (await started.json()) as Job;
    expect(started.headers.get('location')).toBe(`/api/v1/jobs/${job.id}`);
    const read = async () => (await (await call(jobRoute.GET, 'GET', `/jobs/${job.id}`, { key: adminKey, params: { id: job.id } })).json()) as Job;
    await expect.poll(async () => (await read()).status, { timeout: 15_000 }).toBe('succeeded');
    const done = await read();
    expect(done.progress).toEqual({ done: 3, total: 3 });
    expect(done.result).toMatchObject({ created: 2, errors: 1, problems: [{ line: 3, column: 'Email' }] });
    // A retry with the same key replays the first answer; no second job.
    const retry = await call(importRoute.POST, 'POST', `/customers/import?fileId=${report.fileId}`, { key: adminKey, headers: { 'idempotency-key': 'import-1' } });
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(((await retry.json()) as Job).id).toBe(job.id);
    // Staff may not read an import job.
    expect((await call(jobRoute.GET, 'GET', `/jobs/${job.id}`, { key: staffKey, params: { id: job.id } })).status).toBe(403);
    expect((await call(jobRoute.GET, 'GET', '/jobs/nope', { key: adminKey, params: { id: 'nope' } })).status).toBe(404);
  });

  it('imports a CSV body straight away (202) with an Idempotency-Key, and re-importing the same file changes nothing', async () => {
    const body = csvOf(SHOPIFY, [{ 'First Name': 'Katherine', Email: 'kj@example.test' }]);
    const first = await call(importRoute.POST, 'POST', '/customers/import', { key: adminKey, rawBody: body, headers: { ...CSV, 'idempotency-key': 'import-2' } });
    expect(first.status).toBe(202);
    const job = (await first.json()) as Job;
    const read = async (id: string) => (await (await call(jobRoute.GET, 'GET', `/jobs/${id}`, { key: adminKey, params: { id } })).json()) as Job;
    await expect.poll(async () => (await read(job.id)).status, { timeout: 15_000 }).toBe('succeeded');
    const replay = await call(importRoute.POST, 'POST', '/customers/import', { key: adminKey, rawBody: body, headers: { ...CSV, 'idempotency-key': 'import-2' } });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const again = await call(importRoute.POST, 'POST', '/customers/import?overwrite=true', { key: adminKey, rawBody: body, headers: CSV });
    const second = (await again.json()) as Job;
    await expect.poll(async () => (await read(second.id)).status, { timeout: 15_000 }).toBe('succeeded');
    expect((await read(second.id)).result).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
  });
});
