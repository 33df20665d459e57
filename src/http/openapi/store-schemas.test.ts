import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';

import type { CustomerAddress, StoreOrder, StoreProfile } from '@/lib/types';

import { buildOpenApiDocument } from './document';
import { storeAddressSchema, storeOrderSchema, storeProfileSchema } from './store-schemas';

type Json = Record<string, unknown>;

describe('the Store part of the OpenAPI document', () => {
  it('has response schemas whose types are exactly what the store services return', () => {
    expectTypeOf<z.output<typeof storeProfileSchema>>().toEqualTypeOf<StoreProfile>();
    expectTypeOf<z.output<typeof storeOrderSchema>>().toEqualTypeOf<StoreOrder>();
    expectTypeOf<z.output<typeof storeAddressSchema>>().toEqualTypeOf<CustomerAddress>();
  });

  it('tells a storefront what it can send and what it never gets back', () => {
    const { components, paths, tags } = buildOpenApiDocument();
    const schemas = components.schemas as Record<string, Json & { properties: Json }>;
    expect(tags.map((t) => t.name)).toContain('Store');
    expect(Object.keys(schemas.StoreProfileUpdate.properties)).toEqual(['firstName', 'lastName', 'phone', 'emailMarketingConsent', 'smsMarketingConsent', 'version']);
    expect(schemas.StoreProfileUpdate.additionalProperties).toBe(false);
    for (const hidden of ['notes', 'tags', 'createdById', 'externalId', 'userId']) expect(schemas.StoreProfile.properties).not.toHaveProperty(hidden);
    for (const hidden of ['createdById', 'customer']) expect(schemas.StoreOrder.properties).not.toHaveProperty(hidden);
    expect(schemas.StoreOrder.properties.items).toEqual({ type: 'array', items: { $ref: '#/components/schemas/OrderItem' } });
    // StoreAddress is a component of its own beside the staff CustomerAddress.
    expect(schemas.CustomerAddress).toBeDefined();
    expect(schemas.StoreAddressList.properties).toEqual({ data: { type: 'array', items: { $ref: '#/components/schemas/StoreAddress' } } });
    const orders = (paths['/store/me/orders'] as { get: { parameters: { name: string; schema: Json }[] } }).get.parameters;
    expect(orders.find((p) => p.name === 'limit')?.schema).toMatchObject({ minimum: 1, maximum: 100, default: 20 });
  });
});
