import { beforeAll, describe, expect, it } from 'vitest';

import { customerEngagementSchema, metricsRunSchema, metricsStatusSchema } from '@/http/openapi/metrics-schemas';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { apiKey, call, problemOf } from '@/http/test-http';
import * as customerMetricsRoute from '../customers/[id]/metrics/route';
import * as customersRoute from '../customers/route';
import * as ordersRoute from '../orders/route';
import * as completeRoute from '../orders/[id]/complete/route';
import * as recomputeRoute from './recompute/route';
import * as statusRoute from './route';
import * as settingsRoute from './settings/route';

withTestDatabase();

let adminKey: string;
let staffKey: string;
let customerId: string;

beforeAll(async () => {
  adminKey = await apiKey('admin');
  staffKey = await apiKey('staff');
  const customer = await call(customersRoute.POST, 'POST', '/customers', { key: staffKey, body: { firstName: 'Ada', email: 'ada@example.test' } });
  customerId = ((await customer.json()) as { id: string }).id;
  const order = await call(ordersRoute.POST, 'POST', '/orders', {
    key: staffKey,
    body: { customerId, placedAt: '2025-03-01T10:00:00Z', items: [{ sku: 'MUG', name: 'Mug', quantity: 3, unitPrice: 1200 }] },
  });
  const { id } = (await order.json()) as { id: string };
  expect((await call(completeRoute.POST, 'POST', `/orders/${id}/complete`, { key: staffKey, params: { id } })).status).toBe(200);
});

const metricsOf = (key: string, id = customerId) => call(customerMetricsRoute.GET, 'GET', `/customers/${id}/metrics`, { key, params: { id } });

describe(`metrics API (${TEST_DB_KIND})`, () => {
  it('answers null metrics before the first run, and 404 for an unknown customer', async () => {
    const response = await metricsOf(staffKey);
    expect(response.status).toBe(200);
    expect(customerEngagementSchema.parse(await response.json())).toEqual({ customerId, metrics: null });
    expect((await metricsOf(staffKey, crypto.randomUUID())).status).toBe(404);
  });

  it('lets managers recompute, as of a day, and refuses staff and bad dates', async () => {
    expect((await problemOf(await call(recomputeRoute.POST, 'POST', '/metrics/recompute', { key: staffKey, body: {} }))).status).toBe(403);
    const invalid = await problemOf(await call(recomputeRoute.POST, 'POST', '/metrics/recompute', { key: adminKey, body: { asOf: '31/03/2025' } }));
    expect(invalid).toMatchObject({ status: 422, paths: ['asOf'] });
    const response = await call(recomputeRoute.POST, 'POST', '/metrics/recompute', { key: adminKey, body: { asOf: '2025-03-31' } });
    // Scores are quintiles among customers with orders: the only one scores 1 everywhere.
    expect(response.status).toBe(200);
    expect(metricsRunSchema.parse(await response.json())).toMatchObject({ asOf: '2025-03-31T23:59:59.999Z', customers: 1, customersWithOrders: 1, segments: { Lost: 1 } });
  });

  it('then shows the figures to everyone, and the run in the status', async () => {
    const { metrics } = customerEngagementSchema.parse(await (await metricsOf(staffKey)).json());
    expect(metrics).toMatchObject({ daysSinceLastOrder: 30, orders90d: 1, averageOrderValue: 3600, averageItemsPerOrder: 3, recencyScore: 1, rfmSegment: 'Lost', churnRisk: null });
    const status = metricsStatusSchema.parse(await (await call(statusRoute.GET, 'GET', '/metrics', { key: staffKey })).json());
    expect(status).toMatchObject({ settings: { asOf: null }, lastRun: { requestedAsOf: '2025-03-31', trigger: 'manual' } });
  });

  it('lets managers set the metrics date that later runs and the status follow, and refuses staff and bad dates', async () => {
    const put = (key: string, body: unknown) => call(settingsRoute.PUT, 'PUT', '/metrics/settings', { key, body });
    expect((await problemOf(await put(staffKey, { asOf: '2025-03-31' }))).status).toBe(403);
    expect(await problemOf(await put(adminKey, { asOf: '2025-02-30' }))).toMatchObject({ status: 422, paths: ['asOf'] });
    expect(await problemOf(await put(adminKey, { asOf: '2025-03-31', extra: 1 }))).toMatchObject({ status: 422 });
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const future = await put(adminKey, { asOf: tomorrow });
    expect(future.status).toBe(422);
    expect(await future.json()).toMatchObject({ errors: [{ path: 'asOf', message: expect.stringContaining('Use today or an earlier date') }] });
    const response = await put(adminKey, { asOf: '2025-03-31' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ asOf: '2025-03-31' });
    const run = await call(recomputeRoute.POST, 'POST', '/metrics/recompute', { key: adminKey, body: {} });
    expect(metricsRunSchema.parse(await run.json())).toMatchObject({ asOf: '2025-03-31T23:59:59.999Z', requestedAsOf: '2025-03-31' });
    expect(metricsStatusSchema.parse(await (await call(statusRoute.GET, 'GET', '/metrics', { key: staffKey })).json()).settings).toEqual({ asOf: '2025-03-31' });
    expect(await (await put(adminKey, { asOf: null })).json()).toEqual({ asOf: null });
  });

  it('carries the stored figures of customers whose orders did not change, and reads every order when asked', async () => {
    const recompute = async (body: unknown) => metricsRunSchema.parse(await (await call(recomputeRoute.POST, 'POST', '/metrics/recompute', { key: adminKey, body })).json());
    const carried = await recompute({});
    expect(carried.stepsMs).toHaveProperty('carry');
    expect(carried.stepsMs).not.toHaveProperty('aggregate');
    const readAll = await recompute({ readAllOrders: true });
    expect(readAll.stepsMs).toHaveProperty('aggregate');
    expect(readAll).toMatchObject({ customers: carried.customers, customersWithOrders: carried.customersWithOrders, segments: carried.segments });
    expect(await problemOf(await call(recomputeRoute.POST, 'POST', '/metrics/recompute', { key: adminKey, body: { readAllOrders: 'yes' } }))).toMatchObject({
      status: 422,
      paths: ['readAllOrders'],
    });
  });
});
