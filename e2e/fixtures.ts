import { openDatabase, setDatabase } from '@/db/client';
import { createApiKey } from '@/services/api-keys';
import { findCustomerGroupByName } from '@/services/customer-groups';
import { createCustomer } from '@/services/customers';
import { bootstrapOwner, createStaffMember } from '@/services/staff';

import { seedCustomerListFixtures } from './customer-list-fixtures';
import { seedOrderListFixtures } from './order-list-fixtures';

export const OWNER = { email: 'owner@e2e.test', password: 'correct-horse-battery' };
/** A member of the staff role, for the pages only owners and admins may use. */
export const STAFF = { name: 'Sam Staff', email: 'staff@e2e.test', password: 'staff-horse-battery' };

/** For the discounts journey: one customer in the seeded VIP group and one in Retail. */
export const DISCOUNT_CUSTOMERS = {
  vip: { firstName: 'Vera', lastName: 'Rubin', email: 'vera.rubin@discounts.example', group: 'VIP' },
  retail: { firstName: 'Rosalind', lastName: 'Franklin', email: 'rosalind.franklin@discounts.example', group: 'Retail' },
} as const;

const SYSTEM = { type: 'system', id: null, role: 'owner', name: 'e2e fixtures' } as const;

/** Migrates the e2e database, creates the owner and a few known customers through the services; returns an admin API key. */
export async function seedE2eData(env: Record<string, string>): Promise<string> {
  const handle = openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DATA_DIR });
  setDatabase(handle);
  try {
    await handle.migrate();
    await bootstrapOwner(OWNER);
    await createStaffMember({ ...STAFF, role: 'staff' });
    await createCustomer({ actor: SYSTEM, input: { firstName: 'Margaret', lastName: 'Hamilton', email: 'margaret.hamilton@apollo.example', company: 'MIT' } });
    await createCustomer({ actor: SYSTEM, input: { firstName: 'Katherine', lastName: 'Johnson', phone: '+12025550143', email: 'kj@nasa.example' } });
    // Kept for the order journey, which asserts her exact totals: no other spec gives her orders.
    await createCustomer({ actor: SYSTEM, input: { firstName: 'Dorothy', lastName: 'Vaughan', email: 'dorothy.vaughan@langley.example', company: 'NACA' } });
    await seedOrderListFixtures();
    await seedCustomerListFixtures();
    for (const { group, ...customer } of Object.values(DISCOUNT_CUSTOMERS)) {
      await createCustomer({ actor: SYSTEM, input: { ...customer, customerGroupId: (await findCustomerGroupByName(group))?.id } });
    }
    const { key } = await createApiKey({ actor: SYSTEM, input: { name: 'e2e', role: 'admin' } });
    return key;
  } finally {
    setDatabase(undefined);
    await handle.close();
  }
}
