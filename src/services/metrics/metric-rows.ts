import { sql, type SQL } from 'drizzle-orm';

import { queryRows, type Tx } from '@/db/client';

import { SCORE_KEYS, scoreCase, type ScoreBounds } from './scores';
import { rowsWithSegment } from './segment-counts';
import { segmentCase } from './sql-parts';

// The rows of customer_metric_rows: what each column holds for a customer, computed from metrics_base (compute.ts),
// and the full run's write of them. The incremental path (incremental.ts) writes the same rows for a few customers.
// Nothing here moves with the day alone: the view customer_metrics computes what does (days since an order,
// predictions, the 12-month spend rank) from these rows and metric_basis, which the run writes (basis.ts).

// The columns written for each customer, in this order (metricRows selects them).
const METRIC_COLUMNS_LIST = ['customer_id', 'computed_at', 'first_order_on', 'last_order_on', 'orders_90d', 'orders_365d', 'spend_365d',
  'average_order_value', 'average_items_per_order', 'order_count', 'total_spend', 'recency_score', 'frequency_score', 'monetary_score',
  'rfm_segment', 'repeat_days', 'repeat_span_days', 'repeat_spend'];
export const METRIC_COLUMNS = sql.raw(METRIC_COLUMNS_LIST.join(', '));
// Every written column but the customer.
const ASSIGNED_COLUMNS = METRIC_COLUMNS_LIST.slice(1);
// Every stored figure (all columns but the customer and computed_at), to tell whether a row changed.
const FIGURE_COLUMNS = ASSIGNED_COLUMNS.filter((column) => column !== 'computed_at');
const columnsOf = (table: string, columns: string[]) => sql.raw(columns.map((column) => `${table}.${column}`).join(', '));

/** Every written column but the customer, set from the row `from` (f, or excluded in an upsert). */
export const assignedFrom = (from: 'f' | 'excluded') => sql.raw(ASSIGNED_COLUMNS.map((column) => `${column} = ${from}.${column}`).join(', '));
const UPDATED_COLUMNS = assignedFrom('f');
const COLUMNS_OF_F = columnsOf('f', ASSIGNED_COLUMNS);
const FIGURES = (table: 'm' | 'f') => columnsOf(table, FIGURE_COLUMNS);

export interface MetricFigures {
  bounds: ScoreBounds;
}

export interface MetricRowsInput extends MetricFigures {
  /** Which customers (a condition on customers c). */
  customersWhere: SQL;
}

/**
 * One row of METRIC_COLUMNS per customer matching `customersWhere`, from metrics_base: the figures of customers
 * without counted orders are empty. RFM scores come from the buckets (scores.ts), which give exactly the quintile of
 * each value's rank among the customers with orders.
 */
export function metricRows(input: MetricRowsInput): SQL {
  return sql`select c.id as customer_id, ${figureColumns()}
    from customers c left join (${scoredBase(input)}) s on s.customer_id = c.id
    where ${input.customersWhere}`;
}

/**
 * The rows of metricRows for the customers with counted orders alone, read from metrics_base without customers; with
 * `changedOnly`, for those in metrics_changed alone.
 */
function metricRowsWithOrders(input: MetricFigures, changedOnly = false): SQL {
  const where = changedOnly ? sql`where b.customer_id in (select customer_id from metrics_changed)` : sql``;
  return sql`select s.customer_id, ${figureColumns()} from (${scoredBase(input, where)}) s`;
}

/**
 * The one row metricRows gives every customer without counted orders, less the customer: the same columns over a
 * scored row that is not there (a join on false is never read).
 */
function emptyMetricRow(input: MetricFigures): SQL {
  return sql`select ${figureColumns()} from (select) one left join (${scoredBase(input)}) s on false`;
}

/** The columns of METRIC_COLUMNS after customer_id, from a scored row s (scoredBase), which is null without orders. */
function figureColumns(): SQL {
  return sql`now() as computed_at, s.first_day as first_order_on, s.last_day as last_order_on,
      coalesce(s.orders_90d, 0) as orders_90d, coalesce(s.orders_365d, 0) as orders_365d, coalesce(s.spend_365d, 0) as spend_365d,
      coalesce(round(s.spend::numeric / s.orders)::bigint, 0) as average_order_value,
      coalesce(s.items::float8 / s.orders, 0) as average_items_per_order,
      coalesce(s.orders, 0) as order_count, coalesce(s.spend, 0) as total_spend,
      s.recency_score, s.frequency_score, s.monetary_score, s.segment as rfm_segment,
      s.x as repeat_days, s.tx_days as repeat_span_days, s.repeat_spend`;
}

/** metrics_base (b, its rows matching `where` on b) with each customer's scores and segment. */
function scoredBase({ bounds }: MetricFigures, where: SQL = sql``): SQL {
  return withScores(bounds, sql`b.*`, sql`metrics_base b ${where}`);
}

/**
 * The `columns` of `from` (rows with metrics_base's keys) with their scores by `bounds` and their segment. OFFSET 0
 * keeps the planner from pulling the scored rows up into the segment's CASE, which then computes the score CASEs again
 * in every branch of it: 8 times as long over a million rows.
 */
function withScores(bounds: ScoreBounds, columns: SQL, from: SQL): SQL {
  return sql`
    select scored.*, ${segmentCase()} as segment
    from (
      select ${columns},
        ${scoreCase(SCORE_KEYS.recency, bounds.buckets.recency)} as recency_score,
        ${scoreCase(SCORE_KEYS.frequency, bounds.buckets.frequency)} as frequency_score,
        ${scoreCase(SCORE_KEYS.monetary, bounds.buckets.monetary)} as monetary_score
      from ${from}
      offset 0
    ) scored`;
}

// Every customer's row, in three statements, each reading no more than it needs:
// 1. a row for each customer who has none (a new customer, or everyone on the first run);
// 2. the rows of the customers with counted orders, computed from metrics_base alone and written where a figure moved;
// 3. the empty row, where it moved, for the customers without (their stored row had orders), when there may be such a
//    row (mayHaveRowsToEmpty): looking for them joins every row to metrics_base (0.9 s at a million), and a day's run
//    seldom finds one (a customer's every order cancelled or deleted, or a run as of an earlier day).
// Joining every customer to metrics_base and then to their stored rows in one statement, with the result materialised
// for the UPDATE and the INSERT to read, took twice as long at a million customers (8.3 s on a run that changed no
// row: a hash of every customer, a hash of every stored row and the materialised million). A plain UPDATE from a hash
// join: no per-row index probe and row lock as INSERT ... ON CONFLICT takes. A row whose figures all stay keeps its
// computed_at: rewriting a million unchanged rows is most of a recompute's cost (a new row version, its WAL and a
// full page image per page), and a second run of the day with the same models changes few of them.
// Missing rows are many when they are at least 1 / MANY_MISSING of the customers.
const MANY_MISSING = 10;

export interface WriteMetricsInput extends MetricFigures {
  customersWithOrders: number;
  /**
   * metrics_base was carried from the stored rows (carried-base.ts): only the customers in metrics_changed may have
   * new figures, and everyone else's scores alone may move.
   */
  carried: boolean;
}

export async function writeMetrics(tx: Tx, figures: WriteMetricsInput): Promise<{ customers: number; inserted: number }> {
  const emptyRow = emptyMetricRow(figures);
  // Every join below pairs whole tables, which hash joins do in one pass each. On the first run customer_metric_rows
  // is empty, so the planner would probe it with a nested loop, one scan of it per customer, while the run fills it:
  // each scan then walks every page written so far (invisible to it, but read), which is quadratic (a million
  // customers did not finish in 15 minutes). A merge join would sort both sides first.
  await tx.execute(sql`set local enable_nestloop = off`);
  await tx.execute(sql`set local enable_mergejoin = off`);
  // A metrics row belongs to a customer (a foreign key, deleted with it), so as many rows as customers means each
  // has one: two counts of primary keys instead of matching every customer against every row.
  const [counts] = await queryRows<{ customers: number; rows: number }>(
    tx,
    sql`select (select count(*) from customers)::int as customers, (select count(*) from customer_metric_rows)::int as rows`,
  );
  const missing = counts.customers - counts.rows;
  let inserted = 0;
  if (missing > 0) {
    const notStored = sql`not exists (select 1 from customer_metric_rows m where m.customer_id = c.id)`;
    // Many missing (the first run, an import): each row with its figures, written once (an empty row then its figures
    // took 142 s instead of 89 at a million). A few (the customers new since the last run): an empty row each, which
    // the update below fills in, rather than computing every customer's figures once more for them.
    const rows = missing * MANY_MISSING >= counts.customers
      ? metricRows({ ...figures, customersWhere: notStored })
      : sql`select c.id, ${COLUMNS_OF_F} from customers c cross join (${emptyRow}) f where ${notStored}`;
    [{ inserted }] = await queryRows<{ inserted: number }>(
      tx,
      sql`with inserted as (insert into customer_metric_rows (${METRIC_COLUMNS}) ${rows} returning 1) select count(*)::int as inserted from inserted`,
    );
  }
  // The rows of the customers with counted orders; for a carried run, of the changed customers alone.
  await tx.execute(sql`
    update customer_metric_rows m set ${UPDATED_COLUMNS} from (${metricRowsWithOrders(figures, figures.carried)}) f
    where m.customer_id = f.customer_id and (${FIGURES('m')}) is distinct from (${FIGURES('f')})`);
  await tx.execute(sql`reset enable_nestloop`);
  await tx.execute(sql`reset enable_mergejoin`);
  if (await mayHaveRowsToEmpty(tx, figures.customersWithOrders)) {
    // A carried run took every other row with orders into metrics_base.
    const candidates = figures.carried ? sql`m.customer_id in (select customer_id from metrics_changed) and` : sql``;
    await tx.execute(sql`
      update customer_metric_rows m set ${UPDATED_COLUMNS} from (${emptyRow}) f
      where ${candidates} not exists (select 1 from metrics_base b where b.customer_id = m.customer_id)
        and (${FIGURES('m')}) is distinct from (${FIGURES('f')})`);
  }
  // Every other row holds the keys its scores rank by.
  if (figures.carried) await rescoreRows(tx, figures.bounds);
  return { customers: counts.rows + inserted, inserted };
}

/**
 * Scores every customer with orders again, by `bounds`, from the keys on their stored rows as of metric_basis's day,
 * and writes the rows whose scores or segment moved. Each row is compared with its new scores as it is read, so only
 * the moved rows are joined back to be written.
 */
export async function rescoreRows(tx: Tx, bounds: ScoreBounds): Promise<void> {
  await tx.execute(sql`
    update customer_metric_rows m
    set computed_at = now(), recency_score = s.recency_score, frequency_score = s.frequency_score, monetary_score = s.monetary_score,
      rfm_segment = s.segment
    from (
      select * from (${withScores(bounds, sql`customer_id, was_recency, was_frequency, was_monetary, was_segment`, STORED_KEYS)}) rescored
      where (was_recency, was_frequency, was_monetary, was_segment) is distinct from (recency_score, frequency_score, monetary_score, segment)
    ) s
    where m.customer_id = s.customer_id`);
}

/**
 * The scoring keys of every customer with orders as stored on their rows, under metrics_base's column names (the
 * days since their last order as of metric_basis's day, as the view counts them), with their stored scores (was_…).
 */
export const STORED_KEYS = sql`(
  select customer_id, (select as_of_day from metric_basis) - last_order_on as days_since_last, order_count as orders,
    total_spend as spend, recency_score as was_recency, frequency_score as was_frequency, monetary_score as was_monetary,
    rfm_segment as was_segment
  from customer_metric_rows where order_count > 0) stored`;

/**
 * Whether some stored row may still have orders that metrics_base does not (statement 3 above), told without reading
 * every row. A customer with orders has a segment (the RFM rules cover every pair of scores), and the rollup's
 * triggers have counted the rows just written: rows with a segment are metrics_base's customers plus the rows to empty,
 * unless one of metrics_base's customers lost their row since the aggregate read their orders (a merge deleted them).
 * Their orders had to move first (orders keep a customer from being deleted), and metric_changes has recorded every
 * order change since the run emptied it: then, as whenever the counts differ, the rows are all looked at.
 */
async function mayHaveRowsToEmpty(tx: Tx, customersWithOrders: number): Promise<boolean> {
  if ((await rowsWithSegment(tx)) !== customersWithOrders) return true;
  const [{ changedWithoutRow }] = await queryRows<{ changedWithoutRow: boolean }>(
    tx,
    sql`select exists (select 1 from metric_changes c where not exists (select 1 from customer_metric_rows m where m.customer_id = c.customer_id))
          as "changedWithoutRow"`,
  );
  return changedWithoutRow;
}
