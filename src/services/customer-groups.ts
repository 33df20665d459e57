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

/**
 * All groups, by name, as id and name only: for pickers and filters, which would otherwise pay for counting
 * every group's members (an index scan over all customers) on each page load.
 */
export async function listCustomerGroupOptions(): Promise<Pick<CustomerGroup, 'id' | 'name'>[]> {
  return getDb().select({ id: customerGroups.id, name: customerGroups.name }).from(customerGroups).orderBy(asc(customerGroups.name));
}

export async function findCustomerGroupByName(name: string): Promise<CustomerGroup | undefined> {
  const [row] = await getDb().select().from(customerGroups).where(eq(sql`lower(${customerGroups.name})`, name.toLowerCase()));
  return row;
}
