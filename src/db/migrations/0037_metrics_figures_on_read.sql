-- The figures that move with the day alone (days since the first and last order, P(alive), the expected orders and
-- value of the next 12 months, the 12-month spend rank) are no longer stored on each customer's metrics row: a run
-- on a new day rewrote every row for them (845,000 rows at a million customers, with the segment and rollup triggers
-- on each), though a day's orders move a few thousand customers' figures. The rows keep what the orders say whatever
-- the day (the first and last purchase days, BG/NBD's x and tx, the repeat days' mean spend); metric_basis holds the
-- run's moment and models, metric_expectations the expected purchases per (x, age) pair, metric_spend_ranks the
-- 12-month spend ranks; the view customer_metrics computes the old columns from them, so every reader reads on.
ALTER TABLE "customer_metrics" RENAME TO "customer_metric_rows";
--> statement-breakpoint
ALTER TABLE "customer_metric_rows" RENAME CONSTRAINT "customer_metrics_pkey" TO "customer_metric_rows_pkey";
--> statement-breakpoint
ALTER TABLE "customer_metric_rows" RENAME CONSTRAINT "customer_metrics_customer_id_customers_id_fk" TO "customer_metric_rows_customer_id_customers_id_fk";
--> statement-breakpoint
ALTER TABLE "customer_metric_rows" ADD COLUMN "first_order_on" date, ADD COLUMN "last_order_on" date,
  ADD COLUMN "repeat_days" integer, ADD COLUMN "repeat_span_days" integer, ADD COLUMN "repeat_spend" double precision;
--> statement-breakpoint
CREATE TABLE "metric_basis" (
	"only_row" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"as_of" timestamp (3) with time zone NOT NULL,
	"as_of_day" date NOT NULL,
	"spenders" integer DEFAULT 0 NOT NULL,
	"r" double precision,
	"alpha" double precision,
	"a" double precision,
	"b" double precision,
	"p" double precision,
	"q" double precision,
	"gamma" double precision,
	CONSTRAINT "metric_basis_only_row" CHECK ("metric_basis"."only_row")
);
--> statement-breakpoint
CREATE TABLE "metric_expectations" (
	"repeat_days" integer NOT NULL,
	"age_days" integer NOT NULL,
	"if_alive" double precision NOT NULL,
	CONSTRAINT "metric_expectations_repeat_days_age_days_pk" PRIMARY KEY("repeat_days","age_days")
);
--> statement-breakpoint
CREATE TABLE "metric_spend_ranks" (
	"spend_365d" bigint PRIMARY KEY NOT NULL,
	"at_or_above" integer NOT NULL
);
--> statement-breakpoint
-- P(alive | x, tx, T) of BG/NBD, from days (weeks in the model); null without a model or without orders, and for a
-- row read as of a day before its last purchase (a run's triggers judge the rows it replaces as of its own day). The
-- exponent is clamped so that exp() neither overflows nor underflows (both raise errors) for customers with many
-- purchases. A plain SQL expression, so that PostgreSQL inlines it into the query that calls it.
CREATE FUNCTION "metric_p_alive"(x integer, tx_days integer, t_days integer, r double precision, alpha double precision, a double precision, b double precision)
RETURNS double precision LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN r IS NULL OR x IS NULL OR t_days < tx_days THEN NULL WHEN x = 0 THEN 1.0::float8
    ELSE 1.0 / (1.0 + exp(greatest(-700.0, least(700.0, ln(a / (b + x - 1)) + (r + x) * ln((alpha + t_days / 7.0) / (alpha + tx_days / 7.0)))))) END
$$;
--> statement-breakpoint
-- E[mean order value | x, mean spend of the repeat days] of Gamma-Gamma (the population mean for x = 0).
CREATE FUNCTION "metric_expected_order_value"(x integer, repeat_spend double precision, p double precision, q double precision, gamma double precision)
RETURNS double precision LANGUAGE sql IMMUTABLE AS $$
  SELECT (p * (gamma + CASE WHEN x > 0 THEN x * repeat_spend ELSE 0 END)) / (p * x + q - 1.0)
$$;
--> statement-breakpoint
CREATE VIEW "customer_metrics" AS
SELECT m.customer_id, b.as_of, m.computed_at,
  b.as_of_day - m.last_order_on AS days_since_last_order,
  b.as_of_day - m.first_order_on AS days_since_first_order,
  m.orders_90d, m.orders_365d, m.spend_365d, m.average_order_value, m.average_items_per_order, m.order_count, m.total_spend,
  m.recency_score, m.frequency_score, m.monetary_score, m.rfm_segment,
  predicted.orders AS expected_orders_12m,
  -- With both models, a customer whose expectation could not be computed (not finite) is predicted 0, as before.
  CASE WHEN predicted.order_value IS NOT NULL THEN round(greatest(0, predicted.orders * predicted.order_value))::bigint END AS predicted_value_12m,
  alive.p_alive,
  s.at_or_above::float8 / nullif(b.spenders, 0)::float8 AS spend_percentile_365d
FROM customer_metric_rows m
CROSS JOIN metric_basis b
LEFT JOIN metric_expectations e ON e.repeat_days = m.repeat_days AND e.age_days = b.as_of_day - m.first_order_on
LEFT JOIN metric_spend_ranks s ON s.spend_365d = m.spend_365d
CROSS JOIN LATERAL (SELECT metric_p_alive(m.repeat_days, m.repeat_span_days, b.as_of_day - m.first_order_on, b.r, b.alpha, b.a, b.b) AS p_alive) alive
CROSS JOIN LATERAL (
  SELECT e.if_alive * alive.p_alive AS orders, metric_expected_order_value(m.repeat_days, m.repeat_spend, b.p, b.q, b.gamma) AS order_value
) predicted;
--> statement-breakpoint
-- Whether a stored row is at risk as of a basis (null: none), by the overview's rule (rollup_metric_is_at_risk).
-- (The basis is not called b where it is passed: metric_basis has a column b, BG/NBD's parameter.)
CREATE FUNCTION "metric_row_is_at_risk"(m customer_metric_rows, basis metric_basis) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT rollup_metric_is_at_risk(m.rfm_segment,
    metric_p_alive(m.repeat_days, m.repeat_span_days, basis.as_of_day - m.first_order_on, basis.r, basis.alpha, basis.a, basis.b), m.monetary_score)
$$;
--> statement-breakpoint
-- The rollups: the as-of moment is metric_basis' now, so only computed_at is counted; whether a row is at risk is
-- judged as of metric_basis (a full run, which changes it, counts the segments again when it is done).
CREATE OR REPLACE FUNCTION "rollup_apply_metric_changes"(changes rollup_metric_change[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(changes) = 0 THEN
    RETURN;
  END IF;
  INSERT INTO rollup_metric_segments AS t (rfm_segment, is_at_risk, customers)
  SELECT c.rfm_segment, c.is_at_risk, sum(c.customers) FROM unnest(changes) c GROUP BY 1, 2 HAVING sum(c.customers) <> 0 ORDER BY 1, 2
  ON CONFLICT (rfm_segment, is_at_risk) DO UPDATE SET customers = t.customers + excluded.customers;
  INSERT INTO rollup_metric_moments AS t (kind, moment, customers)
  SELECT 'computed_at', c.computed_at, sum(c.customers) FROM unnest(changes) c
  GROUP BY 2 HAVING sum(c.customers) <> 0 ORDER BY 2
  ON CONFLICT (kind, moment) DO UPDATE SET customers = t.customers + excluded.customers;
  -- A segment or moment that no row has any more is gone: the overview's latest computed_at is the greatest moment
  -- left, and a shop whose metrics rows are all deleted has no metrics.
  DELETE FROM rollup_metric_segments WHERE customers = 0;
  DELETE FROM rollup_metric_moments WHERE customers = 0;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "rollup_customer_metrics_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changes rollup_metric_change[];
BEGIN
  -- Summed before anything is written: an update that moves no segment, at-risk flag or moment cancels out.
  IF TG_OP = 'INSERT' THEN
    changes := ARRAY(
      SELECT ROW(rfm_segment, is_at_risk, NULL, computed_at, count(*))::rollup_metric_change
      FROM (SELECT n.rfm_segment, metric_row_is_at_risk(n, basis) AS is_at_risk, n.computed_at
            FROM new_rows n LEFT JOIN metric_basis basis ON true) x
      GROUP BY rfm_segment, is_at_risk, computed_at);
  ELSIF TG_OP = 'DELETE' THEN
    changes := ARRAY(
      SELECT ROW(rfm_segment, is_at_risk, NULL, computed_at, -count(*))::rollup_metric_change
      FROM (SELECT o.rfm_segment, metric_row_is_at_risk(o, basis) AS is_at_risk, o.computed_at
            FROM old_rows o LEFT JOIN metric_basis basis ON true) x
      GROUP BY rfm_segment, is_at_risk, computed_at);
  ELSE
    changes := ARRAY(
      SELECT ROW(rfm_segment, is_at_risk, NULL, computed_at, sum(sign))::rollup_metric_change
      FROM (
        SELECT 1 AS sign, n.rfm_segment, metric_row_is_at_risk(n, basis) AS is_at_risk, n.computed_at
        FROM new_rows n LEFT JOIN metric_basis basis ON true
        UNION ALL
        SELECT -1, o.rfm_segment, metric_row_is_at_risk(o, basis), o.computed_at
        FROM old_rows o LEFT JOIN metric_basis basis ON true
      ) x
      GROUP BY rfm_segment, is_at_risk, computed_at
      HAVING sum(sign) <> 0);
  END IF;
  PERFORM rollup_apply_metric_changes(changes);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Counts both rollups again from the rows as of metric_basis: the backfill below, the end of each full run (whose new
-- moment and models move who is at risk), and the repair. Writers wait until it commits.
CREATE OR REPLACE FUNCTION "rollup_rebuild_metric_segments"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE customer_metric_rows IN SHARE MODE;
  DELETE FROM rollup_metric_segments;
  DELETE FROM rollup_metric_moments;
  PERFORM rollup_apply_metric_changes(ARRAY(
    SELECT ROW(rfm_segment, is_at_risk, NULL, computed_at, count(*))::rollup_metric_change
    FROM (SELECT m.rfm_segment, metric_row_is_at_risk(m, basis) AS is_at_risk, m.computed_at
          FROM customer_metric_rows m LEFT JOIN metric_basis basis ON true) x
    GROUP BY rfm_segment, is_at_risk, computed_at));
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION customer_metrics_key_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'customer_metric_rows.customer_id cannot change (delete the row and insert one for the other customer)';
END $$;
--> statement-breakpoint
-- The stored rows as they were, as of their own moment. The models' inputs cannot be recovered from them: until the
-- next full run (which the last run's changes below call for) the predictions read as empty.
INSERT INTO metric_basis (as_of, as_of_day)
SELECT max(as_of), (max(as_of) AT TIME ZONE 'UTC')::date FROM customer_metric_rows HAVING count(*) > 0;
--> statement-breakpoint
ALTER TABLE customer_metric_rows DISABLE TRIGGER USER;
--> statement-breakpoint
UPDATE customer_metric_rows
SET first_order_on = (as_of AT TIME ZONE 'UTC')::date - days_since_first_order,
    last_order_on = (as_of AT TIME ZONE 'UTC')::date - days_since_last_order
WHERE days_since_last_order IS NOT NULL;
--> statement-breakpoint
ALTER TABLE customer_metric_rows ENABLE TRIGGER USER;
--> statement-breakpoint
INSERT INTO metric_spend_ranks (spend_365d, at_or_above)
SELECT spend_365d, (sum(c) OVER (ORDER BY spend_365d DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW))::int
FROM (SELECT spend_365d, count(*) AS c FROM customer_metric_rows WHERE spend_365d > 0 GROUP BY 1) grouped;
--> statement-breakpoint
UPDATE metric_basis SET spenders = (SELECT count(*) FROM customer_metric_rows WHERE spend_365d > 0);
--> statement-breakpoint
ALTER TABLE customer_metric_rows DROP COLUMN "as_of", DROP COLUMN "days_since_last_order", DROP COLUMN "days_since_first_order",
  DROP COLUMN "expected_orders_12m", DROP COLUMN "predicted_value_12m", DROP COLUMN "p_alive", DROP COLUMN "spend_percentile_365d";
--> statement-breakpoint
-- Without its fingerprint the last run reads as stale (orders changed), and without its buckets the incremental path
-- leaves the change to a full run: the background job runs one at its next check.
UPDATE shop_settings SET value = value - 'bounds' - 'fingerprint' WHERE key = 'metrics.lastRun';
--> statement-breakpoint
SELECT rollup_rebuild_metric_segments();
--> statement-breakpoint
ANALYZE customer_metric_rows, metric_basis, metric_spend_ranks, rollup_metric_segments, rollup_metric_moments;
