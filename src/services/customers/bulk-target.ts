import { and, inArray, sql, type SQL } from 'drizzle-orm';

import { customers } from '@/db/schema';
import type { BulkTargetData } from '@/lib/validation/customer-bulk';

import { customerFilterConditions } from './list';

/**
 * Whom a bulk change reaches, as a condition on `customers`: the ids (at most BULK_IDS_MAX, by primary key), or the
 * list's filter (the same conditions and indexes as the list, so "all N matching" is exactly what the count offered).
 * Every bulk change (group moves, tags, deletion) takes its rows from here.
 */
export function bulkTargetWhere(target: BulkTargetData): SQL {
  return 'ids' in target ? inArray(customers.id, target.ids) : and(sql`true`, ...customerFilterConditions(target.filter))!;
}
