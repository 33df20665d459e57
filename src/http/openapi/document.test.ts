import { readdirSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';

import * as openApiRoute from '@/app/api/v1/openapi.json/route';
import type { Customer, CustomerAddress, CustomerDetail, CustomerEvent, CustomerGroup, FieldError, Order, OrderItem, OrderSummary, Page } from '@/lib/types';
import type { PersonalDataExport } from '@/lib/privacy-types';
import { customerFieldsSchema } from '@/lib/validation/customer';
import type { listOrders } from '@/services/orders';

import {
  customerAddressSchema,
  customerDetailSchema,
  customerEventSchema,
  customerGroupSchema,
  customerSchema,
  orderItemResponseSchema,
  orderListItemSchema,
  orderSchema,
  orderSummarySchema,
  pageOf,
  problemSchema,
} from './schemas';
import { personalDataExportSchema } from './privacy-schemas';

type Json = Record<string, unknown>;
type Operation = { operationId: string; parameters?: Json[]; responses: Record<string, unknown>; security?: unknown[] };
type Document = {
  openapi: string;
  paths: Record<string, Record<string, Operation> & { parameters?: Json[] }>;
  components: { schemas: Record<string, Json>; responses: Json; parameters: Record<string, Json>; securitySchemes: Json };
  security: unknown[];
};

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const API_DIR = path.join(process.cwd(), 'src/app/api/v1');

/** Every route.ts under app/api/v1 as an OpenAPI path template (`[id]` -> `{id}`), with the methods it exports. */
async function routeFiles(): Promise<Record<string, string[]>> {
  const files = readdirSync(API_DIR, { recursive: true, encoding: 'utf8' }).filter((file) => path.basename(file) === 'route.ts');
  const routes: Record<string, string[]> = {};
  for (const file of files) {
    const template = `/${path.dirname(file).split(path.sep).join('/')}`.replace(/\[(\w+)\]/g, '{$1}');
    const exports = (await import(path.join(API_DIR, file))) as Record<string, unknown>;
    routes[template] = METHODS.filter((method) => typeof exports[method] === 'function').map((m) => m.toLowerCase());
  }
  return routes;
}

async function fetchDocument(): Promise<{ response: Response; document: Document }> {
  const response = await openApiRoute.GET();
  return { response, document: (await response.clone().json()) as Document };
}

function resolve(document: Document, ref: string): unknown {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((node, key) => (node as Json | undefined)?.[key], document);
}

function refsIn(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(refsIn);
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => (key === '$ref' ? [value as string] : refsIn(value)));
}

describe('GET /api/v1/openapi.json', () => {
  it('is public: it answers without credentials with an OpenAPI 3.1 document', async () => {
    const { response, document } = await fetchDocument();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(document.openapi).toBe('3.1.0');
    expect(document.paths['/openapi.json'].get.security).toEqual([]);
  });

  it('documents exactly the routes that exist, each method with an operation', async () => {
    const { document } = await fetchDocument();
    const routes = await routeFiles();
    expect(Object.keys(document.paths).sort()).toEqual(Object.keys(routes).sort());
    for (const [template, methods] of Object.entries(routes)) {
      const documented = Object.keys(document.paths[template]).filter((key) => key !== 'parameters');
      expect(documented.sort(), template).toEqual(methods.sort());
    }
    expect(Object.keys(routes)).toEqual(
      expect.arrayContaining([
        '/customers',
        '/customers/{id}',
        '/customers/{id}/events',
        '/customers/{id}/addresses',
        '/customers/{id}/addresses/{addressId}',
        '/customer-groups',
        '/orders',
        '/orders/{id}',
        '/orders/{id}/complete',
        '/orders/{id}/cancel',
        '/orders/{id}/refund',
        '/customers/{id}/orders',
        '/openapi.json',
      ]),
    );
  });

  it('declares every path parameter, requires the bearer key except for itself, and answers problem+json for errors', async () => {
    const { document } = await fetchDocument();
    expect(document.components.securitySchemes).toEqual({
      bearerAuth: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
      storeSession: expect.objectContaining({ type: 'apiKey', in: 'cookie', name: 'store.session_token' }),
    });
    expect(document.security).toEqual([{ bearerAuth: [] }]);
    const operationIds = new Set<string>();
    for (const [template, item] of Object.entries(document.paths)) {
      const declared = (item.parameters ?? []).map((p) => (resolve(document, p.$ref as string) as Json).name);
      expect(declared.sort(), template).toEqual([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort());
      for (const [method, operation] of Object.entries(item)) {
        if (method === 'parameters') continue;
        const op = operation as Operation;
        expect(operationIds.has(op.operationId), op.operationId).toBe(false);
        operationIds.add(op.operationId);
        if (template !== '/openapi.json') expect(op.responses['401'], op.operationId).toEqual({ $ref: '#/components/responses/Unauthorized' });
        // Storefront routes take only the store session; every other route keeps the document's bearer key.
        if (template.startsWith('/store/')) expect(op.security, op.operationId).toEqual([{ storeSession: [] }]);
        else if (template !== '/openapi.json') expect(op.security, op.operationId).toBeUndefined();
      }
    }
    for (const response of Object.values(document.components.responses)) {
      expect(response).toMatchObject({ content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });
    }
  });

  it('resolves every $ref and carries no JSON Schema dialect or $id inside components', async () => {
    const { document } = await fetchDocument();
    const refs = refsIn(document);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) expect(resolve(document, ref), ref).toBeDefined();
    expect(JSON.stringify(document.components.schemas)).not.toMatch(/"\$schema"|"\$id"/);
  });

  it('describes the customer schemas from the shared zod schemas', async () => {
    const { document } = await fetchDocument();
    const { schemas } = document.components;
    const editable = Object.keys(customerFieldsSchema.shape);
    expect(schemas.CustomerCreate).toMatchObject({ type: 'object', required: ['firstName'], additionalProperties: false });
    expect(Object.keys(schemas.CustomerCreate.properties as Json)).toEqual(editable);
    expect(Object.keys(schemas.CustomerUpdate.properties as Json)).toEqual([...editable, 'version']);
    expect(schemas.CustomerUpdate.required).toBeUndefined();
    expect(schemas.Customer.required).toEqual(expect.arrayContaining([...editable, 'id', 'version', 'totalSpend', 'currency', 'createdById', 'createdAt']));
    expect((schemas.Customer.properties as Record<string, Json>).totalSpend).toMatchObject({ type: 'integer', minimum: 0 });
    expect(schemas.CustomerDetail.properties).toMatchObject({ addresses: { type: 'array', items: { $ref: '#/components/schemas/CustomerAddress' } } });
    expect(schemas.AddressCreate).toMatchObject({ required: ['line1', 'city', 'countryCode'], additionalProperties: false });
    expect(schemas.CustomerPage.properties).toMatchObject({ data: { items: { $ref: '#/components/schemas/Customer' } }, nextCursor: { type: ['string', 'null'] } });
  });

  it('lists every list-query parameter with the constraints of the shared schema', async () => {
    const { document } = await fetchDocument();
    const parameters = document.paths['/customers'].get.parameters as { name: string; in: string; schema: Json }[];
    expect(parameters.map((p) => p.name)).toEqual([
      'q', 'groupId', 'tag', 'minSpend', 'maxSpend', 'lastOrderAfter', 'lastOrderBefore', 'createdById',
      'rfmSegment', 'country', 'emailConsent', 'smsConsent', 'hasAccount', 'minOrders', 'maxOrders', 'neverOrdered', 'erased', 'sort', 'limit', 'cursor',
    ]);
    const byName = Object.fromEntries(parameters.map((p) => [p.name, p.schema]));
    expect(byName.limit).toMatchObject({ type: 'integer', minimum: 1, maximum: 200, default: 50 });
    expect(byName.minSpend).toMatchObject({ type: 'integer', minimum: 0 });
    expect(byName.sort).toMatchObject({ default: 'createdAt:desc', enum: expect.arrayContaining(['name:asc', 'lastOrderDate:desc']) });
    expect(byName.lastOrderAfter).toMatchObject({ type: 'string' });
    expect(byName.rfmSegment).toMatchObject({ enum: expect.arrayContaining(['Champions', 'At risk']) });
    expect(byName.emailConsent).toMatchObject({ enum: ['yes', 'no'] });
    expect(byName.minOrders).toMatchObject({ type: 'integer', minimum: 0 });
  });

  it('describes orders from the shared zod schemas, with the completion header and the idempotency key', async () => {
    const { document } = await fetchDocument();
    const { schemas, parameters } = document.components;
    expect(schemas.OrderCreate).toMatchObject({ type: 'object', required: ['customerId', 'items'], additionalProperties: false });
    expect(schemas.OrderRefund).toMatchObject({ additionalProperties: false });
    expect(schemas.OrderRefund.required).toBeUndefined();
    expect((schemas.Order.properties as Record<string, Json>).items).toEqual({ type: 'array', items: { $ref: '#/components/schemas/OrderItem' } });
    expect((schemas.CustomerDetail.properties as Record<string, Json>).orders).toMatchObject({ items: { $ref: '#/components/schemas/OrderSummary' } });
    expect(parameters.OrderId).toMatchObject({ name: 'id', in: 'path', required: true });

    const list = document.paths['/orders'].get.parameters as { name: string; schema: Json }[];
    expect(list.map((p) => p.name)).toEqual(['status', 'customerId', 'placedAfter', 'placedBefore', 'sort', 'limit', 'cursor']);
    expect(list.find((p) => p.name === 'sort')!.schema).toMatchObject({ default: 'placedAt:desc', enum: expect.arrayContaining(['customer:asc', 'total:desc', 'status:asc']) });
    expect(list.find((p) => p.name === 'status')!.schema).toMatchObject({ type: 'string', enum: expect.arrayContaining(['pending', 'partially_refunded']) });
    const complete = document.paths['/orders/{id}/complete'].post.responses['200'] as { headers: Record<string, Json> };
    expect(complete.headers['Completion-Applied']).toMatchObject({ schema: { enum: ['true', 'false'] } });
    expect(document.paths['/orders/{id}/refund'].post.parameters).toEqual([expect.objectContaining({ name: 'Idempotency-Key', in: 'header' })]);
    expect(Object.keys(document.paths['/orders/{id}/refund'].post.responses)).toEqual(expect.arrayContaining(['403', '409', '422']));
  });

  it('offers the Idempotency-Key header on every POST, PUT and PATCH, with the replay header and the 400, 409 and 422 it can bring', async () => {
    const { document } = await fetchDocument();
    let keyed = 0;
    for (const [route, item] of Object.entries(document.paths)) {
      for (const [method, entry] of Object.entries(item)) {
        if (method === 'parameters') continue;
        const operation = entry as Operation;
        const hasKey = (operation.parameters ?? []).some((p) => p.name === 'Idempotency-Key' && p.in === 'header');
        expect(hasKey, `${method} ${route}`).toBe(['post', 'put', 'patch'].includes(method));
        if (!hasKey) continue;
        keyed += 1;
        expect(Object.keys(operation.responses), `${method} ${route}`).toEqual(expect.arrayContaining(['400', '409', '422']));
        const success = Object.entries(operation.responses).find(([status]) => status.startsWith('2'))![1] as { headers?: Json };
        expect(success.headers?.['Idempotent-Replayed'], `${method} ${route}`).toBeDefined();
      }
    }
    expect(document.paths['/orders'].post.parameters).toEqual([expect.objectContaining({ name: 'Idempotency-Key', schema: expect.objectContaining({ maxLength: 255 }) })]);
    expect(keyed).toBeGreaterThan(25);
  });

  it('has response schemas whose types are exactly the domain types the services return', () => {
    expectTypeOf<z.output<typeof orderSchema>>().toEqualTypeOf<Order>();
    expectTypeOf<z.output<typeof orderItemResponseSchema>>().toEqualTypeOf<OrderItem>();
    expectTypeOf<z.output<typeof orderSummarySchema>>().toEqualTypeOf<OrderSummary>();
    // listOrders returns an intersection type, which toEqualTypeOf tells apart from the same object type; both ways round is equality.
    type OrderPage = Awaited<ReturnType<typeof listOrders>>;
    expectTypeOf<z.output<ReturnType<typeof pageOf<typeof orderListItemSchema>>>>().toExtend<OrderPage>();
    expectTypeOf<OrderPage>().toExtend<z.output<ReturnType<typeof pageOf<typeof orderListItemSchema>>>>();
    expectTypeOf<Page<OrderSummary>>().toEqualTypeOf<z.output<ReturnType<typeof pageOf<typeof orderSummarySchema>>>>();
    expectTypeOf<z.output<typeof customerSchema>>().toEqualTypeOf<Customer>();
    expectTypeOf<z.output<typeof customerDetailSchema>>().toEqualTypeOf<CustomerDetail>();
    expectTypeOf<z.output<typeof customerAddressSchema>>().toEqualTypeOf<CustomerAddress>();
    expectTypeOf<z.output<typeof customerEventSchema>>().toEqualTypeOf<CustomerEvent>();
    expectTypeOf<z.output<typeof customerGroupSchema>>().toEqualTypeOf<CustomerGroup>();
    expectTypeOf<z.output<typeof personalDataExportSchema>>().toEqualTypeOf<PersonalDataExport>();
    expectTypeOf<NonNullable<z.output<typeof problemSchema>['errors']>[number]>().toEqualTypeOf<FieldError>();
  });
});
