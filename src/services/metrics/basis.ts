import { sql } from 'drizzle-orm';

import { arrayParam } from '@/db/array-param';
import { queryRows, type Tx } from '@/db/client';

import { expectedPurchasesIfAlive, type BgNbdParams } from './bg-nbd';
import type { GammaGammaParams } from './gamma-gamma';

// What the view customer_metrics reads beside each customer's stored row (migration 0037): the run's moment and
// models (metric_basis), the expected purchases per (x, age) pair (metric_expectations) and the 12-month spend ranks
// (metric_spend_ranks). A full run writes them all from metrics_base; the incremental path adds to them for the
// customers it applies (incremental.ts), with the moment and models held.

const HORIZON_WEEKS = 365 / 7;

export interface Basis {
  asOf: Date;
  bgNbd: BgNbdParams | null;
  gammaGamma: GammaGammaParams | null;
}

/**
 * A full run's basis: its moment and models, the spend ranks of metrics_base and the expectations of its pairs.
 * Returns whether the moment or the models moved (who is at risk then moves for customers whose rows stay).
 */
export async function writeBasis(tx: Tx, { asOf, bgNbd, gammaGamma }: Basis): Promise<{ moved: boolean }> {
  const spend = gammaGamma && bgNbd ? gammaGamma : null;
  const at = sql`${asOf.toISOString()}::timestamptz`;
  const purchaseModel = sql`${bgNbd?.r ?? null}::float8, ${bgNbd?.alpha ?? null}::float8, ${bgNbd?.a ?? null}::float8, ${bgNbd?.b ?? null}::float8`;
  const models = sql`${purchaseModel}, ${spend?.p ?? null}::float8, ${spend?.q ?? null}::float8, ${spend?.gamma ?? null}::float8`;
  const [before] = await queryRows<{ sameMoment: boolean; sameModels: boolean; samePurchaseModel: boolean }>(
    tx,
    sql`select as_of = ${at} as "sameMoment", (r, alpha, a, b, p, q, gamma) is not distinct from (${models}) as "sameModels",
          (r, alpha, a, b) is not distinct from (${purchaseModel}) as "samePurchaseModel"
        from metric_basis`,
  );
  await tx.execute(sql`
    insert into metric_basis (only_row, as_of, as_of_day, spenders, r, alpha, a, b, p, q, gamma)
    values (true, ${at}, (${at} at time zone 'UTC')::date,
      (select count(*) from metrics_base where spend_365d > 0), ${models})
    on conflict (only_row) do update set as_of = excluded.as_of, as_of_day = excluded.as_of_day, spenders = excluded.spenders,
      r = excluded.r, alpha = excluded.alpha, a = excluded.a, b = excluded.b, p = excluded.p, q = excluded.q, gamma = excluded.gamma`);
  await rankSpends(tx);
  // An expectation depends on the purchase model and its pair alone, not on the day: kept while the model stays.
  if (!before?.samePurchaseModel) await tx.execute(sql`delete from metric_expectations`);
  if (bgNbd) await tabulateExpectations(tx, bgNbd);
  // Without statistics the planner takes metric_basis for a table of many rows, and reads one customer's metrics by
  // hashing every expectation instead of looking up theirs. A few pages each; the ranks are sampled.
  await tx.execute(sql`analyze metric_basis, metric_expectations, metric_spend_ranks`);
  return { moved: !before || !before.sameMoment || !before.sameModels };
}

/**
 * The ranks of every 12-month amount of metrics_base: (customers who spent as much or more), written where they moved,
 * each statement a hash join of the two sets rather than a probe of the key per amount.
 */
async function rankSpends(tx: Tx): Promise<void> {
  // The insert below looks for each amount in the table it fills. Planned as a nested loop (the table is empty on a
  // first run, or taken for it before it was analyzed), each lookup scans every page written so far: quadratic, 148 s
  // for 178,725 amounts at a million customers, where the hash join takes well under a second.
  await tx.execute(sql`set local enable_nestloop = off`);
  await tx.execute(sql`
    create temp table metrics_ranks on commit drop as
    select spend_365d, (sum(c) over (order by spend_365d desc rows between unbounded preceding and current row))::int as at_or_above
    from (select spend_365d, count(*) as c from metrics_base where spend_365d > 0 group by 1) grouped`);
  await tx.execute(sql`analyze metrics_ranks`);
  await tx.execute(sql`delete from metric_spend_ranks r where not exists (select 1 from metrics_ranks n where n.spend_365d = r.spend_365d)`);
  await tx.execute(sql`
    update metric_spend_ranks r set at_or_above = n.at_or_above from metrics_ranks n
    where r.spend_365d = n.spend_365d and r.at_or_above <> n.at_or_above`);
  await tx.execute(sql`
    insert into metric_spend_ranks (spend_365d, at_or_above)
    select n.spend_365d, n.at_or_above from metrics_ranks n where not exists (select 1 from metric_spend_ranks r where r.spend_365d = n.spend_365d)`);
  await tx.execute(sql`reset enable_nestloop`);
}

// The hypergeometric part of the expected purchases depends on (x, age) only, which take few distinct values even at
// a million customers: computed here once per pair of metrics_base that metric_expectations lacks.
export async function tabulateExpectations(tx: Tx, params: BgNbdParams): Promise<void> {
  const pairs = await queryRows<{ x: number; t: number }>(
    tx,
    // The distinct pairs first (a hash of metrics_base), then those the table lacks: a few thousand lookups, not one
    // per customer.
    sql`with pairs as materialized (select distinct x, t_days as t from metrics_base)
        select x, t from pairs where not exists (select 1 from metric_expectations e where e.repeat_days = pairs.x and e.age_days = pairs.t)`,
  );
  const table = pairs
    .map(({ x, t }) => ({ x, t, if_alive: expectedPurchasesIfAlive(params, x, t / 7, HORIZON_WEEKS) }))
    .filter((row) => Number.isFinite(row.if_alive));
  const CHUNK = 20_000;
  for (let i = 0; i < table.length; i += CHUNK) {
    const chunk = table.slice(i, i + CHUNK);
    await tx.execute(sql`
      insert into metric_expectations (repeat_days, age_days, if_alive)
      select x, t, if_alive from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as v(x int, t int, if_alive float8)`);
  }
}

/**
 * Moves the spend ranks by the changed customers' 12-month spends (before and after, amounts above 0 only), so that
 * each amount's count of customers who spent as much or more, and the number who spent, are what a full run would
 * give. Every other customer's amount has a rank already; an amount new to the table is counted from the next one
 * above it, since between the two only changed customers can be.
 */
export async function moveSpendRanks(tx: Tx, before: readonly number[], after: readonly number[]): Promise<void> {
  const [oldSpends, newSpends] = [arrayParam(before, 'bigint'), arrayParam(after, 'bigint')];
  await tx.execute(sql`update metric_basis set spenders = spenders + ${after.length - before.length}::int`);
  await tx.execute(sql`
    update metric_spend_ranks r
    set at_or_above = r.at_or_above + moved.shift
    from (
      select r.spend_365d,
        (select count(*) from unnest(${newSpends}) s where s >= r.spend_365d) - (select count(*) from unnest(${oldSpends}) s where s >= r.spend_365d) as shift
      from metric_spend_ranks r
      where r.spend_365d <= (select max(s) from unnest(${oldSpends} || ${newSpends}) s)
    ) moved
    where r.spend_365d = moved.spend_365d and moved.shift <> 0`);
  await tx.execute(sql`
    insert into metric_spend_ranks (spend_365d, at_or_above)
    select n.spend, coalesce(above.at_or_above, 0)
      + (select count(*) from unnest(${newSpends}) s where s >= n.spend and (above.spend_365d is null or s < above.spend_365d))::int
    from (select distinct s as spend from unnest(${newSpends}) s) n
    left join lateral (
      select r.spend_365d, r.at_or_above from metric_spend_ranks r where r.spend_365d > n.spend order by r.spend_365d limit 1
    ) above on true
    where not exists (select 1 from metric_spend_ranks r where r.spend_365d = n.spend)`);
}
