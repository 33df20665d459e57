CREATE TABLE "rollup_staff_buyers" (
	"staff_id" text NOT NULL,
	"grain" text NOT NULL,
	"cohort_date" date NOT NULL,
	"order_date" date NOT NULL,
	"slot" smallint NOT NULL,
	"customers" integer NOT NULL,
	CONSTRAINT "rollup_staff_buyers_staff_id_grain_cohort_date_order_date_slot_pk" PRIMARY KEY("staff_id","grain","cohort_date","order_date","slot")
);
--> statement-breakpoint
CREATE INDEX "rollup_staff_customers_ordered_before_idx" ON "rollup_staff_customers" USING btree ("staff_id","created_at","customer_id","total_spend","order_count","first_order_date","last_order_date") WHERE "rollup_staff_customers"."first_order_date" < "rollup_staff_customers"."created_at";--> statement-breakpoint
-- The four grains of a (cohort day, order day) pair, as rollup_staff_sales and rollup_staff_buyers store them: a month
-- is its first day. One definition for both rollups (inlined by the planner: one SELECT in SQL).
CREATE FUNCTION "rollup_staff_grains"(cohort_day date, order_day date) RETURNS TABLE (grain text, cohort_date date, order_date date)
LANGUAGE sql IMMUTABLE AS $$
  SELECT * FROM (VALUES
    ('dd', cohort_day, order_day),
    ('dm', cohort_day, date_trunc('month', order_day::timestamp)::date),
    ('md', date_trunc('month', cohort_day::timestamp)::date, order_day),
    ('mm', date_trunc('month', cohort_day::timestamp)::date, date_trunc('month', order_day::timestamp)::date)
  ) g (grain, cohort_date, order_date)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "rollup_apply_staff_sales"(changes rollup_order_change[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  writer_slot smallint;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM unnest(changes) c WHERE c.staff_id IS NOT NULL) THEN
    RETURN;
  END IF;
  writer_slot := rollup_writer_slot();
  INSERT INTO rollup_staff_sales AS t (staff_id, grain, cohort_date, order_date, slot, orders, revenue)
  SELECT c.staff_id, g.grain, g.cohort_date, g.order_date, writer_slot, sum(c.orders), sum(c.revenue)
  FROM unnest(changes) c
  CROSS JOIN LATERAL rollup_staff_grains(c.cohort_day, c.order_day) g
  WHERE c.staff_id IS NOT NULL
  GROUP BY c.staff_id, g.grain, g.cohort_date, g.order_date
  HAVING sum(c.orders) <> 0 OR sum(c.revenue) <> 0
  ORDER BY c.staff_id, g.grain, g.cohort_date, g.order_date
  ON CONFLICT (staff_id, grain, cohort_date, order_date, slot) DO UPDATE SET orders = t.orders + excluded.orders, revenue = t.revenue + excluded.revenue;
END $$;
--> statement-breakpoint
CREATE TYPE "rollup_buyer_change" AS (staff_id text, cohort_day date, order_day date, customers bigint);
--> statement-breakpoint
CREATE FUNCTION "rollup_apply_staff_buyers"(changes rollup_buyer_change[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  writer_slot smallint;
BEGIN
  IF coalesce(cardinality(changes), 0) = 0 THEN
    RETURN;
  END IF;
  writer_slot := rollup_writer_slot();
  INSERT INTO rollup_staff_buyers AS t (staff_id, grain, cohort_date, order_date, slot, customers)
  SELECT c.staff_id, g.grain, g.cohort_date, g.order_date, writer_slot, sum(c.customers)
  FROM unnest(changes) c
  CROSS JOIN LATERAL rollup_staff_grains(c.cohort_day, c.order_day) g
  GROUP BY c.staff_id, g.grain, g.cohort_date, g.order_date
  HAVING sum(c.customers) <> 0
  ORDER BY c.staff_id, g.grain, g.cohort_date, g.order_date
  ON CONFLICT (staff_id, grain, cohort_date, order_date, slot) DO UPDATE SET customers = t.customers + excluded.customers;
END $$;
--> statement-breakpoint
-- rollup_staff_buyers follows the staff's copy of their customers (itself kept by rollup_customers_changed): +1 per
-- new row image and −1 per old one of a customer who ordered on or after creation, by creation day and first order
-- day, so that a completion that leaves the first order where it was writes nothing.
CREATE FUNCTION "rollup_staff_customers_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changes rollup_buyer_change[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    changes := ARRAY(
      SELECT ROW(staff_id, cohort_day, order_day, count(*))::rollup_buyer_change
      FROM (SELECT staff_id, (created_at AT TIME ZONE 'UTC')::date AS cohort_day, (first_order_date AT TIME ZONE 'UTC')::date AS order_day
            FROM new_rows WHERE order_count > 0 AND first_order_date >= created_at) x
      GROUP BY staff_id, cohort_day, order_day);
  ELSIF TG_OP = 'DELETE' THEN
    changes := ARRAY(
      SELECT ROW(staff_id, cohort_day, order_day, -count(*))::rollup_buyer_change
      FROM (SELECT staff_id, (created_at AT TIME ZONE 'UTC')::date AS cohort_day, (first_order_date AT TIME ZONE 'UTC')::date AS order_day
            FROM old_rows WHERE order_count > 0 AND first_order_date >= created_at) x
      GROUP BY staff_id, cohort_day, order_day);
  ELSE
    changes := ARRAY(
      SELECT ROW(staff_id, cohort_day, order_day, sum(sign))::rollup_buyer_change
      FROM (
        SELECT 1 AS sign, staff_id, (created_at AT TIME ZONE 'UTC')::date AS cohort_day, (first_order_date AT TIME ZONE 'UTC')::date AS order_day
        FROM new_rows WHERE order_count > 0 AND first_order_date >= created_at
        UNION ALL
        SELECT -1, staff_id, (created_at AT TIME ZONE 'UTC')::date, (first_order_date AT TIME ZONE 'UTC')::date
        FROM old_rows WHERE order_count > 0 AND first_order_date >= created_at
      ) x
      GROUP BY staff_id, cohort_day, order_day
      HAVING sum(sign) <> 0);
  END IF;
  PERFORM rollup_apply_staff_buyers(changes);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "rollup_staff_customers_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM rollup_staff_buyers;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- TRUNCATE customers empties the copy by a DELETE, whose trigger takes its rows off the buyers; emptied outright too,
-- as every other rollup is, so that nothing is left behind whatever they held.
CREATE OR REPLACE FUNCTION "rollup_customers_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM rollup_group_totals;
  DELETE FROM rollup_new_customers_daily;
  DELETE FROM rollup_staff_acquired_daily;
  DELETE FROM rollup_staff_customers;
  DELETE FROM rollup_staff_buyers;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "rollup_staff_customers_inserted" AFTER INSERT ON "rollup_staff_customers" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_staff_customers_changed();
--> statement-breakpoint
CREATE TRIGGER "rollup_staff_customers_updated" AFTER UPDATE ON "rollup_staff_customers" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_staff_customers_changed();
--> statement-breakpoint
CREATE TRIGGER "rollup_staff_customers_deleted" AFTER DELETE ON "rollup_staff_customers" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_staff_customers_changed();
--> statement-breakpoint
CREATE TRIGGER "rollup_staff_customers_truncated" AFTER TRUNCATE ON "rollup_staff_customers" FOR EACH STATEMENT EXECUTE FUNCTION rollup_staff_customers_truncated();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "rollup_rebuild_dashboard"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE customers, orders IN SHARE MODE;
  DELETE FROM rollup_group_totals;
  DELETE FROM rollup_new_customers_daily;
  DELETE FROM rollup_staff_acquired_daily;
  DELETE FROM rollup_sales_daily;
  DELETE FROM rollup_staff_sales;
  DELETE FROM rollup_staff_customers;
  -- After the copy's rows: their trigger took them off the buyers, which empties the buyers only if they were right.
  -- The copy's rows inserted below put them back.
  DELETE FROM rollup_staff_buyers;
  INSERT INTO rollup_staff_customers (customer_id, staff_id, created_at, total_spend, order_count, first_order_date, last_order_date)
  SELECT id, created_by_id, created_at, total_spend, order_count, first_order_date, last_order_date FROM customers WHERE created_by_id IS NOT NULL;
  INSERT INTO rollup_group_totals (customer_group_id, slot, members, customers, buyers, repeat_buyers, spend)
  SELECT customer_group_id, 0, count(*), count(*) FILTER (WHERE erased_at IS NULL),
         count(*) FILTER (WHERE erased_at IS NULL AND order_count >= 1), count(*) FILTER (WHERE erased_at IS NULL AND order_count >= 2),
         coalesce(sum(total_spend), 0)
  FROM customers
  GROUP BY customer_group_id;
  INSERT INTO rollup_new_customers_daily (day, slot, customers)
  SELECT (least(created_at, first_order_date) AT TIME ZONE 'UTC')::date, 0, count(*)
  FROM customers
  WHERE erased_at IS NULL
  GROUP BY 1;
  INSERT INTO rollup_staff_acquired_daily (staff_id, day, slot, customers)
  SELECT created_by_id, (created_at AT TIME ZONE 'UTC')::date, 0, count(*)
  FROM customers
  WHERE created_by_id IS NOT NULL
  GROUP BY 1, 2;
  INSERT INTO rollup_sales_daily (day, slot, orders, revenue)
  SELECT (placed_at AT TIME ZONE 'UTC')::date, 0, count(*), sum(total - refunded_total)
  FROM orders
  WHERE status IN ('completed', 'partially_refunded', 'refunded')
  GROUP BY 1;
  PERFORM rollup_apply_staff_sales(ARRAY(
    SELECT ROW((o.placed_at AT TIME ZONE 'UTC')::date, c.created_by_id, (c.created_at AT TIME ZONE 'UTC')::date, count(*), sum(o.total - o.refunded_total))::rollup_order_change
    FROM orders o
    JOIN customers c ON c.id = o.customer_id
    WHERE c.created_by_id IS NOT NULL AND o.status IN ('completed', 'partially_refunded', 'refunded')
    GROUP BY (o.placed_at AT TIME ZONE 'UTC')::date, c.created_by_id, (c.created_at AT TIME ZONE 'UTC')::date));
END $$;
--> statement-breakpoint
SELECT rollup_apply_staff_buyers(ARRAY(
  SELECT ROW(staff_id, cohort_day, order_day, count(*))::rollup_buyer_change
  FROM (SELECT staff_id, (created_at AT TIME ZONE 'UTC')::date AS cohort_day, (first_order_date AT TIME ZONE 'UTC')::date AS order_day
        FROM rollup_staff_customers WHERE order_count > 0 AND first_order_date >= created_at) x
  GROUP BY staff_id, cohort_day, order_day));
--> statement-breakpoint
ANALYZE rollup_staff_buyers, rollup_staff_customers;
