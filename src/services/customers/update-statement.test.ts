import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { customerGroups, customers } from '@/db/schema';
import type { Actor } from '@/lib/types';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { createCustomer, updateCustomer } from '../customers';
import { toCustomer } from './mapping';

withTestDatabase();

// updateCustomer answers with the customer built in SQL (webhooks/customer-json.ts) by the statement that changed it;
// this holds that answer to what the read (toCustomer) gives for the same row.

let admin: Actor;
beforeAll(async () => {
  admin = await createStaffActor('admin', 'Ann Admin');
});

describe(`updateCustomer (${TEST_DB_KIND})`, () => {
  it('answers with the customer as the row reads, with its group, after a change and when nothing changed', async () => {
    const [vip] = await getDb().select({ id: customerGroups.id, name: customerGroups.name }).from(customerGroups).where(eq(customerGroups.name, 'VIP'));
    const created = await createCustomer({ actor: admin, input: { firstName: 'Cus', lastName: 'Tomer', email: `${crypto.randomUUID()}@example.com`, tags: ['a', 'b'] } });
    const read = async () => {
      const [row] = await getDb().select().from(customers).where(eq(customers.id, created.id));
      return toCustomer(row, row.customerGroupId === vip.id ? vip : null);
    };
    const updated = await updateCustomer({ actor: admin, id: created.id, input: { customerGroupId: vip.id, phone: '+44 7911 123456', smsMarketingConsent: true, tags: ['c'] } });
    expect(updated).toEqual(await read());
    expect(updated).toMatchObject({ customerGroup: vip, tags: ['c'], version: 2, smsMarketingConsent: true });
    expect(updated.smsConsentAt).not.toBeNull();
    const unchanged = await updateCustomer({ actor: admin, id: created.id, input: { tags: ['c'], version: 2 } });
    expect(unchanged).toEqual(updated);
  });
});
