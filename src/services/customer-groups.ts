import { asc, eq, sql } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { customerGroups, customers } from '@/db/schema';
import type { CustomerGroup } from '@/lib/types';

/** All groups, by name, with how many customers are in each. */
export async function listCustomerGroups(): Promise<CustomerGroup[]> {
  const rows = await getDb()
    .select({
      id: customerGroups.id,
      name: customerGroups.name,
      description: customerGroups.description,
      // Qualified by hand: drizzle writes single-table columns unqualified, and a bare "id" would bind to customers.id.
      memberCount: sql<number>`(select count(*)::int from ${customers} where ${customers}.customer_group_id = ${customerGroups}.id)`,
    })
    .from(customerGroups)
    .orderBy(asc(customerGroups.name));
  return rows;
}

export async function findCustomerGroupByName(name: string): Promise<CustomerGroup | undefined> {
  const [row] = await getDb().select().from(customerGroups).where(eq(sql`lower(${customerGroups.name})`, name.toLowerCase()));
  return row;
}
