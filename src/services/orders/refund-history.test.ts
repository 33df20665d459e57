import { describe, expect, it } from 'vitest';

import type { Actor } from '@/lib/types';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { createApiKey } from '../api-keys';
import { createCustomer } from '../customers';
import { completeOrder, createOrder, listOrderRefunds, refundOrder } from '../orders';

withTestDatabase();

describe(`an order's refunds (${TEST_DB_KIND})`, () => {
  it('lists each refund oldest first with its amount, reason and who made it, a staff member or an API key', async () => {
    const admin = await createStaffActor('admin', 'Rita Refunder');
    const customer = await createCustomer({ actor: admin, input: { firstName: 'Ada', email: `${crypto.randomUUID()}@example.com` } });
    const order = await createOrder({ actor: admin, input: { customerId: customer.id, items: [{ sku: 'M', name: 'Mug', quantity: 2, unitPrice: 1_500 }] } });
    await completeOrder({ actor: admin, id: order.id });
    expect(await listOrderRefunds(order.id)).toEqual([]);
    await refundOrder({ actor: admin, id: order.id, input: { amount: 500, reason: 'Chipped' } });
    const { apiKey } = await createApiKey({ actor: admin, input: { name: 'ERP', role: 'admin' } });
    const erp: Actor = { type: 'api_key', id: apiKey.id, role: 'admin', name: 'ERP' };
    await refundOrder({ actor: erp, id: order.id, input: { amount: 700, reason: '' } });
    expect(await listOrderRefunds(order.id)).toMatchObject([
      { amount: 500, reason: 'Chipped', createdBy: 'Rita Refunder' },
      { amount: 700, reason: '', createdBy: 'API key “ERP”' },
    ]);
    expect(await listOrderRefunds('not-an-id')).toEqual([]);
  });
});
