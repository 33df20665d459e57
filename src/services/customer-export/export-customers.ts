import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { customerAddresses, customerGroups, customerMetrics, customers } from '@/db/schema';
import type { CustomerExportFormat } from '@/lib/csv-formats';
import type { Actor } from '@/lib/types';
import { customerExportQuerySchema, type CustomerExportQuery } from '@/lib/validation/customer-export';

import { customerFilterConditions, customerSortOrder, type SortedCustomerRow } from '../customers/list';
import { customerColumns } from '../customers/mapping';
import { assertCan } from '../permissions';
import { parseInput } from '../validate';

import { exportColumns, type ExportRow } from './columns';
import { csvLine } from './csv-text';

// Rows read per query. Each page is one short query on the sort's index (no transaction or cursor held open while a
// slow client downloads, which on PGlite would stop every other query), and about 0.5-1 MB of CSV in memory.
export const EXPORT_PAGE_SIZE = 2000;

export interface CustomerCsvExport {
  /** customers-YYYY-MM-DD.csv (UTC). */
  filename: string;
  /**
   * The CSV text in chunks: the header line at once (before any query), then one chunk per page. Pulled, not pushed:
   * the next page is read only when the consumer asks for it, so memory stays flat however slow the reader.
   */
  chunks: AsyncGenerator<string, void, undefined>;
  /** Customers written so far, for progress and summaries. */
  progress: { rows: number };
}

type PageRow = ExportRow & SortedCustomerRow;

/** One page of the walk: the customers after `where`'s keyset position, with their default address, group and segment. */
function readPage(where: SQL | undefined, order: ReturnType<typeof customerSortOrder>, format: CustomerExportFormat, limit: number): Promise<PageRow[]> {
  const db = getDb();
  // LATERAL with LIMIT 1 looks up each listed customer's address by its index, instead of joining every address.
  const defaultAddress = db
    // line1 (never null) first: drizzle reads a left join's object as missing when its first column is null.
    .select({
      line1: customerAddresses.line1,
      company: customerAddresses.company,
      line2: customerAddresses.line2,
      city: customerAddresses.city,
      region: customerAddresses.region,
      postalCode: customerAddresses.postalCode,
      countryCode: customerAddresses.countryCode,
      phone: customerAddresses.phone,
    })
    .from(customerAddresses)
    .where(and(eq(customerAddresses.customerId, customers.id), or(customerAddresses.isDefaultShipping, customerAddresses.isDefaultBilling)))
    .orderBy(desc(customerAddresses.isDefaultShipping))
    .limit(1)
    .as('default_address');
  const rfmSegment =
    format === 'full'
      ? sql<string | null>`(select ${customerMetrics.rfmSegment} from ${customerMetrics} where ${customerMetrics.customerId} = ${customers.id})`
      : sql<null>`null`;
  return db
    .select({ customer: customerColumns, sortKey: order.sortKey, groupName: customerGroups.name, address: defaultAddress._.selectedFields, rfmSegment })
    .from(customers)
    .leftJoin(customerGroups, eq(customerGroups.id, customers.customerGroupId))
    .leftJoinLateral(defaultAddress, sql`true`)
    .where(where)
    .orderBy(...order.orderBy)
    .limit(limit);
}

/**
 * The customers matching the list's filters (and, if given, among `ids`), in the list's sort, as CSV: Shopify's
 * current export columns, or with `format: 'full'` this product's own fields after them. Erased customers are left
 * out. Checks the role and the query before anything is read: throws ForbiddenError, ValidationFailedError.
 */
export function exportCustomersCsv({
  actor,
  query,
  now = new Date(),
  pageSize = EXPORT_PAGE_SIZE,
}: {
  actor: Actor;
  query: CustomerExportQuery;
  now?: Date;
  pageSize?: number;
}): CustomerCsvExport {
  assertCan(actor, 'customers:export');
  const q = parseInput(customerExportQuerySchema, query);
  const { header, valuesOf } = exportColumns(q.format);
  const order = customerSortOrder(q.sort);
  // The list's conditions, erased customers included: left out unless the `erased` filter asks for them.
  const conditions = customerFilterConditions(q);
  if (q.ids) conditions.push(inArray(customers.id, q.ids));

  const progress = { rows: 0 };
  const pageAfter = (after: SQL | undefined) => readPage(and(...conditions, after), order, q.format, pageSize);

  async function* chunks() {
    yield csvLine(header);
    // One page is read ahead while the consumer writes the last one out: the database and the network overlap, and
    // memory holds at most two pages.
    let next: Promise<PageRow[]> | null = pageAfter(undefined);
    try {
      while (next) {
        const rows: PageRow[] = await next;
        next = rows.length === pageSize ? pageAfter(order.after(rows[rows.length - 1])) : null;
        progress.rows += rows.length;
        if (rows.length > 0) yield rows.map((row) => csvLine(valuesOf(row))).join('');
      }
    } finally {
      // A reader that stopped early leaves a page in flight: let it finish quietly rather than fail unobserved.
      await next?.catch(() => undefined);
    }
  }

  return { filename: `customers-${now.toISOString().slice(0, 10)}.csv`, chunks: chunks(), progress };
}
