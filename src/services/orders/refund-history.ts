import { asc, eq, sql } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { apiKeys, orderRefunds, staffMembers } from '@/db/schema';
import type { OrderRefundEntry } from '@/lib/types';

import { isUuid } from '../ids';

/** An order's refunds, oldest first: amount, reason, who made each (a staff member or an API key; null for the import) and when. */
export async function listOrderRefunds(orderId: string): Promise<OrderRefundEntry[]> {
  if (!isUuid(orderId)) return [];
  const rows = await getDb()
    .select({ id: orderRefunds.id, amount: orderRefunds.amount, reason: orderRefunds.reason, createdAt: orderRefunds.createdAt, createdById: orderRefunds.createdById, staff: staffMembers.name, apiKey: apiKeys.name })
    .from(orderRefunds)
    .leftJoin(staffMembers, eq(staffMembers.id, orderRefunds.createdById))
    // A refund through the API records the key's id (a uuid); a staff member's id is not one, so only keys match here.
    .leftJoin(apiKeys, sql`${apiKeys.id}::text = ${orderRefunds.createdById}`)
    .where(eq(orderRefunds.orderId, orderId))
    .orderBy(asc(orderRefunds.createdAt), asc(orderRefunds.id));
  return rows.map((row) => ({
    id: row.id,
    amount: row.amount,
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.staff ?? (row.apiKey ? `API key “${row.apiKey}”` : row.createdById ? 'A removed API key' : null),
  }));
}
