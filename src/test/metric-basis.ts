import { sql } from 'drizzle-orm';

import type { Db, Tx } from '@/db/client';

export interface TestBasis {
  asOf?: Date;
  /** BG/NBD's parameters, for a P(alive) that the view computes from each row's inputs. */
  bgNbd?: { r: number; alpha: number; a: number; b: number };
}

/**
 * The moment (and models) that the view customer_metrics reads its rows as of, as a full metrics run writes it: a
 * test that writes customer_metric_rows itself needs one for the rows to be read.
 */
export async function putMetricBasis(db: Db | Tx, { asOf = new Date(), bgNbd }: TestBasis = {}): Promise<void> {
  const at = asOf.toISOString();
  await db.execute(sql`
    insert into metric_basis (only_row, as_of, as_of_day, r, alpha, a, b)
    values (true, ${at}::timestamptz, (${at}::timestamptz at time zone 'UTC')::date, ${bgNbd?.r ?? null}::float8, ${bgNbd?.alpha ?? null}::float8,
      ${bgNbd?.a ?? null}::float8, ${bgNbd?.b ?? null}::float8)
    on conflict (only_row) do update set as_of = excluded.as_of, as_of_day = excluded.as_of_day, r = excluded.r, alpha = excluded.alpha,
      a = excluded.a, b = excluded.b`);
}
