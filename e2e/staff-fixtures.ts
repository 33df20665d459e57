import { openDatabase, setDatabase } from '@/db/client';
import { createCustomer } from '@/services/customers';
import { completeOrder, createOrder, refundOrder } from '@/services/orders';
import { createStaffMember } from '@/services/staff';

/**
 * A staff-role member who created three customers by hand this month. Their orders: £30.00 and £20.00 completed
 * (Ada: £50.00), £50.00 completed then £10.00 refunded (Alan: £40.00), none for Barbara. So her page shows 3 customers, 3 orders,
 * £90.00 of revenue and £30.00 per customer; no other spec creates customers as her.
 */
export const STAFF_PERFORMER = { name: 'Grace Hopper', email: 'grace.hopper@e2e.test', password: 'cobol-horse-battery' };
export const STAFF_PERFORMER_FIGURES = { customers: 3, orders: 3, revenue: '£90.00', average: '£30.00', top: ['Ada Byron', 'Alan Turing'] };

const SYSTEM = { type: 'system', id: null, role: 'owner', name: 'e2e fixtures' } as const;

/** Seeds STAFF_PERFORMER and her customers through the services, in the e2e database of `env`. */
export async function seedStaffFixtures(env: Record<string, string>): Promise<void> {
  const handle = openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DATA_DIR });
  setDatabase(handle);
  try {
    const member = await createStaffMember({ ...STAFF_PERFORMER, role: 'staff' });
    const grace = { type: 'staff', id: member.id, role: 'staff', name: STAFF_PERFORMER.name } as const;
    const acquire = (firstName: string, lastName: string) => createCustomer({ actor: grace, input: { firstName, lastName, email: `${firstName}.${lastName}@hopper.example`.toLowerCase() } });
    const sell = async (customerId: string, unitPrice: number, refund?: number) => {
      const order = await createOrder({ actor: grace, input: { customerId, items: [{ sku: 'BUG-1', name: 'Moth in a logbook', quantity: 1, unitPrice }] } });
      await completeOrder({ actor: grace, id: order.id });
      if (refund) await refundOrder({ actor: SYSTEM, id: order.id, input: { amount: refund, reason: 'Logbook torn' } });
    };
    const ada = await acquire('Ada', 'Byron');
    const alan = await acquire('Alan', 'Turing');
    await acquire('Barbara', 'Liskov');
    await sell(ada.id, 3000);
    await sell(ada.id, 2000);
    await sell(alan.id, 5000, 1000);
  } finally {
    setDatabase(undefined);
    await handle.close();
  }
}
