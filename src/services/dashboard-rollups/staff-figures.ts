import { sql, type SQL } from 'drizzle-orm';

import { dateArray, splitIntoGrains } from './spans';

// Staff figures from the rollups (migration 0026_dashboard_rollups), as SQL parts for the staff queries to join with
// their members. `staffIds` is a query giving the members' ids (evaluated once, as an array). A period of whole days
// splits into whole months and loose days on each axis, the cohort's (creation date) and the orders' (placed date):
// months × months from the 'mm' rows, months × loose days from 'md', and so on; each part is one index range per
// member and listed cohort date, so a year reads a few hundred rows per member.

/**
 * Rows (staff_id, month yyyy-mm of the orders, orders, revenue) of the counted orders placed from `from` to `to`
 * (days, both included) by the customers each member created in the same days; several rows per month, to be summed.
 */
export function staffSalesRows(staffIds: SQL, from: string, to: string): SQL {
  return cohortGrainRows(sql`rollup_staff_sales`, sql`orders, revenue`, staffIds, from, to);
}

/**
 * Rows (staff_id, month yyyy-mm of the first orders, customers) of the customers each member created from `from` to
 * `to` (days, both included) who ordered on or after their creation and first ordered in the same days, which makes
 * them the cohort's buyers of the period; several rows per month, to be summed.
 */
export function staffBuyerRows(staffIds: SQL, from: string, to: string): SQL {
  return cohortGrainRows(sql`rollup_staff_buyers`, sql`customers`, staffIds, from, to);
}

/** The rows of a rollup by cohort date × order date at four grains whose both dates lie from `from` to `to`. */
function cohortGrainRows(table: SQL, figures: SQL, staffIds: SQL, from: string, to: string): SQL {
  const grains = splitIntoGrains(from, to);
  const part = (grain: 'dd' | 'dm' | 'md' | 'mm', cohorts: string[], orderFrom: string, orderEnd: SQL) => sql`
    select staff_id, to_char(order_date::timestamp, 'YYYY-MM') as month, ${figures}
    from ${table}
    where staff_id = any(array(${staffIds})) and grain = ${grain} and cohort_date = any(${dateArray(cohorts)}::date[])
      and order_date >= ${orderFrom}::date and ${orderEnd}`;
  const parts: SQL[] = [];
  const { months, monthSpan, looseDays, looseRuns } = grains;
  if (monthSpan) {
    parts.push(part('mm', months, monthSpan.from, sql`order_date < ${monthSpan.end}::date`));
    if (looseDays.length) parts.push(part('dm', looseDays, monthSpan.from, sql`order_date < ${monthSpan.end}::date`));
  }
  for (const run of looseRuns) {
    if (months.length) parts.push(part('md', months, run.from, sql`order_date <= ${run.to}::date`));
    parts.push(part('dd', looseDays, run.from, sql`order_date <= ${run.to}::date`));
  }
  return sql.join(parts, sql` union all `);
}

/** Rows (staff_id, month yyyy-mm, customers) of the customers each member created from `from` to `to` (days, included). */
export function staffAcquiredRows(staffIds: SQL, from: string, to: string): SQL {
  return sql`
    select staff_id, to_char(day::timestamp, 'YYYY-MM') as month, customers
    from rollup_staff_acquired_daily
    where staff_id = any(array(${staffIds})) and day >= ${from}::date and day <= ${to}::date`;
}
