import { beforeAll, describe, expect, it } from 'vitest';

import * as authRoute from '@/app/api/auth/[...all]/route';
import { staffMetricsSchema, staffPerformanceListSchema } from '@/http/openapi/staff-schemas';
import { completeOrder, createOrder, refundOrder } from '@/services/orders';
import { createStaffMember } from '@/services/staff';
import type { StaffMetrics, StaffPerformanceList } from '@/services/staff-metrics';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { apiKey, call, problemOf, SYSTEM } from '@/http/test-http';
import * as customersRoute from '../customers/route';
import * as metricsRoute from './[id]/metrics/route';
import * as staffRoute from './route';

withTestDatabase();

const PASSWORD = 'correct horse battery';
let sessions: Record<'owner' | 'admin' | 'sue' | 'tom', { id: string; cookie: string }>;
let adminKey: string;
let staffKey: string;
const thisMonth = new Date().toISOString().slice(0, 7);

async function signIn(name: string, email: string, role: 'owner' | 'admin' | 'staff') {
  const member = await createStaffMember({ name, email, password: PASSWORD, role });
  const response = await authRoute.POST(
    new Request('http://localhost/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost', 'x-forwarded-for': `192.0.2.${Math.floor(Math.random() * 250)}` },
      body: JSON.stringify({ email, password: PASSWORD }),
    }),
  );
  expect(response.status).toBe(200);
  return { id: member.id, cookie: response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') };
}

const as = (who: keyof typeof sessions) => ({ headers: { cookie: sessions[who].cookie } });
const list = (options: { key?: string; headers?: Record<string, string> }, query = '') => call(staffRoute.GET, 'GET', `/staff${query}`, options);
const metrics = (id: string, options: { key?: string; headers?: Record<string, string> }, query = '') =>
  call(metricsRoute.GET, 'GET', `/staff/${id}/metrics${query}`, { ...options, params: { id } });

beforeAll(async () => {
  sessions = {
    owner: await signIn('Olive Owner', 'olive@staff.test', 'owner'),
    admin: await signIn('Ann Admin', 'ann@staff.test', 'admin'),
    sue: await signIn('Sue Staff', 'sue@staff.test', 'staff'),
    tom: await signIn('Tom Staff', 'tom@staff.test', 'staff'),
  };
  adminKey = await apiKey('admin');
  staffKey = await apiKey('staff');
  // Sue creates two customers through the API with her session (so she is their creator); one buys £25.00 and £40.00,
  // and the £40.00 is then refunded by £15.00: Sue has 2 customers, 2 orders and £50.00, averaging £25.00.
  const created: string[] = [];
  for (const email of ['one@buyer.test', 'two@buyer.test']) {
    const response = await call(customersRoute.POST, 'POST', '/customers', { ...as('sue'), body: { firstName: 'Buyer', email } });
    expect(response.status).toBe(201);
    created.push(((await response.json()) as { id: string }).id);
  }
  for (const amount of [2500, 4000]) {
    const order = await createOrder({ actor: SYSTEM, input: { customerId: created[0], items: [{ sku: 'S', name: 'Item', quantity: 1, unitPrice: amount }] } });
    await completeOrder({ actor: SYSTEM, id: order.id });
    if (amount === 4000) await refundOrder({ actor: SYSTEM, id: order.id, input: { amount: 1500 } });
  }
});

describe(`GET /api/v1/staff (${TEST_DB_KIND})`, () => {
  it('gives an owner every member with the period’s figures, in the documented shape', async () => {
    const response = await list(as('owner'));
    expect(response.status).toBe(200);
    const body = (await response.json()) as StaffPerformanceList;
    expect(staffPerformanceListSchema.parse(body)).toEqual(body);
    expect(body.currency).toBe('GBP');
    expect(body.period.to).toBe(new Date().toISOString().slice(0, 10));
    expect(body.data.map((row) => [row.name, row.customersAcquired, row.orderCount, row.revenue, row.averageCustomerValue])).toEqual([
      ['Sue Staff', 2, 2, 5000, 2500],
      ['Ann Admin', 0, 0, 0, null],
      ['Olive Owner', 0, 0, 0, null],
      ['Tom Staff', 0, 0, 0, null],
    ]);
  });

  it('gives an admin (session or key) everyone but owners, a staff member only themselves, and a staff key no one', async () => {
    const names = async (response: Response) => ((await response.json()) as StaffPerformanceList).data.map((row) => row.name);
    expect(await names(await list(as('admin')))).toEqual(['Sue Staff', 'Ann Admin', 'Tom Staff']);
    expect(await names(await list({ key: adminKey }))).toEqual(['Sue Staff', 'Ann Admin', 'Tom Staff']);
    expect(await names(await list(as('tom')))).toEqual(['Tom Staff']);
    expect(await names(await list({ key: staffKey }))).toEqual([]);
  });

  it('answers 401 without credentials and 422 naming a bad period parameter', async () => {
    expect((await list({})).status).toBe(401);
    const bad = await problemOf(await list(as('owner'), '?from=2025-13-01'));
    expect(bad).toMatchObject({ status: 422, paths: ['from'], contentType: 'application/problem+json' });
    expect((await problemOf(await list(as('owner'), '?from=2025-05-02&to=2025-05-01'))).paths).toEqual(['to']);
  });
});

describe(`GET /api/v1/staff/{id}/metrics (${TEST_DB_KIND})`, () => {
  it("gives a staff member their own figures per month, with their customers' revenue less the refund", async () => {
    const response = await metrics(sessions.sue.id, as('sue'), '?from=2020-01-01');
    expect(response.status).toBe(200);
    const body = (await response.json()) as StaffMetrics;
    expect(staffMetricsSchema.parse(body)).toEqual(body);
    expect(body.totals).toEqual({ customersAcquired: 2, customersWhoOrdered: 1, orderCount: 2, revenue: 5000, averageCustomerValue: 2500 });
    expect(body.months.at(-1)).toEqual({ month: thisMonth, customersAcquired: 2, orderCount: 2, revenue: 5000 });
    expect(body.months[0].month).toBe('2020-01');
    expect(body.topCustomers.map((c) => [c.email, c.orderCount, c.revenue])).toEqual([['one@buyer.test', 2, 5000]]);
  });

  it("answers 403 to a staff member asking for another's figures, and to an admin asking for an owner's", async () => {
    expect((await problemOf(await metrics(sessions.sue.id, as('tom')))).status).toBe(403);
    expect((await problemOf(await metrics(sessions.owner.id, as('admin')))).status).toBe(403);
    expect((await problemOf(await metrics(sessions.owner.id, { key: adminKey }))).status).toBe(403);
    expect((await problemOf(await metrics(sessions.sue.id, { key: staffKey }))).status).toBe(403);
    expect((await metrics(sessions.sue.id, as('admin'))).status).toBe(200);
    expect((await metrics(sessions.sue.id, { key: adminKey })).status).toBe(200);
    expect((await metrics(sessions.admin.id, as('owner'))).status).toBe(200);
  });

  it('answers 404 for an unknown member and 422 for a period over 10 years', async () => {
    expect((await problemOf(await metrics('no-such-member', as('owner')))).status).toBe(404);
    expect(await problemOf(await metrics(sessions.sue.id, as('owner'), '?from=2000-01-01&to=2024-12-31'))).toMatchObject({ status: 422, paths: ['from'] });
  });
});
