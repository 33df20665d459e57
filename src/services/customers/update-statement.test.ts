import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { customerGroups, customers } from '@/db/schema';
import type { Actor } from '@/lib/types';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { createCustomer, updateCustomer } from '../customers';
import { ConflictError } from '../errors';
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

  it('refuses a version beyond any the row can have as stale (409), not as a database error', async () => {
    const created = await createCustomer({ actor: admin, input: { firstName: 'Big', lastName: 'Version', email: `${crypto.randomUUID()}@example.com` } });
    // Found by the API fuzz: a version past the integer column's range made the comparison itself fail (a 500).
    await expect(updateCustomer({ actor: admin, id: created.id, input: { notes: 'x', version: 2_788_997_515_922 } })).rejects.toBeInstanceOf(ConflictError);
    const [row] = await getDb().select({ notes: customers.notes, version: customers.version }).from(customers).where(eq(customers.id, created.id));
    expect(row).toEqual({ notes: created.notes, version: 1 });
  });
});
