CREATE TABLE "rollup_group_totals" (
	"customer_group_id" uuid,
	"slot" smallint NOT NULL,
	"members" integer NOT NULL,
	"customers" integer NOT NULL,
	"buyers" integer NOT NULL,
	"repeat_buyers" integer NOT NULL,
	"spend" bigint NOT NULL,
	CONSTRAINT "rollup_group_totals_key" UNIQUE NULLS NOT DISTINCT("customer_group_id","slot")
);
--> statement-breakpoint
CREATE TABLE "rollup_new_customers_daily" (
	"day" date NOT NULL,
	"slot" smallint NOT NULL,
	"customers" integer NOT NULL,
	CONSTRAINT "rollup_new_customers_daily_day_slot_pk" PRIMARY KEY("day","slot")
);
--> statement-breakpoint
CREATE TABLE "rollup_sales_daily" (
	"day" date NOT NULL,
	"slot" smallint NOT NULL,
	"orders" integer NOT NULL,
	"revenue" bigint NOT NULL,
	CONSTRAINT "rollup_sales_daily_day_slot_pk" PRIMARY KEY("day","slot")
);
--> statement-breakpoint
CREATE TABLE "rollup_staff_acquired_daily" (
	"staff_id" text NOT NULL,
	"day" date NOT NULL,
	"slot" smallint NOT NULL,
	"customers" integer NOT NULL,
	CONSTRAINT "rollup_staff_acquired_daily_staff_id_day_slot_pk" PRIMARY KEY("staff_id","day","slot")
);
--> statement-breakpoint
CREATE TABLE "rollup_staff_customers" (
	"customer_id" uuid PRIMARY KEY NOT NULL,
	"staff_id" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"total_spend" bigint NOT NULL,
	"order_count" integer NOT NULL,
	"first_order_date" timestamp (3) with time zone,
	"last_order_date" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "rollup_staff_sales" (
	"staff_id" text NOT NULL,
	"grain" text NOT NULL,
	"cohort_date" date NOT NULL,
	"order_date" date NOT NULL,
	"slot" smallint NOT NULL,
	"orders" integer NOT NULL,
	"revenue" bigint NOT NULL,
	CONSTRAINT "rollup_staff_sales_staff_id_grain_cohort_date_order_date_slot_pk" PRIMARY KEY("staff_id","grain","cohort_date","order_date","slot")
);
--> statement-breakpoint
CREATE INDEX "rollup_staff_customers_cohort_idx" ON "rollup_staff_customers" USING btree ("staff_id","created_at");--> statement-breakpoint
-- The rollups are kept by statement-level triggers with transition tables: whoever changes customers or orders (the
-- app's services, an import, a merge, the demo seed, psql), the rollups change in the same transaction, by one
-- aggregate per statement rather than one per row. Each trigger sums what the statement added (+1 per new row image)
-- and took away (−1 per old row image) per rollup key; unchanged rows cancel out, so an edit of a name writes nothing.
-- The counted statuses are written out as in 0013 ('completed', 'partially_refunded', 'refunded': COUNTED_ORDER_STATUSES
-- of src/services/orders/customer-stats.ts), as a migration must not change when the code does.
--
-- Limits (the services never do these; rollup_rebuild_dashboard() repairs the rollups if anything does): one
-- statement that both changes a customer's creator or creation date and changes that customer's orders, or deletes a
-- customer together with its orders, is counted wrongly, since each trigger sees the other table as it is at the end
-- of the statement. So is a change of a customer's creator or creation date racing an order change of that customer.
CREATE TYPE "rollup_customer_change" AS (
  customer_group_id uuid,
  is_known boolean,
  buyer_class smallint,
  first_seen_day date,
  staff_id text,
  created_day date,
  members bigint,
  spend bigint
);
--> statement-breakpoint
CREATE TYPE "rollup_order_change" AS (
  order_day date,
  staff_id text,
  cohort_day date,
  orders bigint,
  revenue bigint
);
--> statement-breakpoint
CREATE TYPE "rollup_customer_move" AS (
  customer_id uuid,
  old_staff_id text,
  old_created_day date,
  new_staff_id text,
  new_created_day date
);
--> statement-breakpoint
-- The slot this transaction writes to: the first of 64 that no other transaction holds (a transaction-level advisory
-- lock; the choice is kept for the rest of the transaction in a local setting). So concurrent transactions never update
-- the same rollup row, however hot its key (today's sales, a group's totals), and never queue on each other's row
-- locks; and as slots are taken from 0 up, a key has only as many rows as there were writers at once. Past 64
-- concurrent writers they share slots: slower, still exact.
CREATE FUNCTION "rollup_writer_slot"() RETURNS smallint LANGUAGE plpgsql AS $$
DECLARE
  chosen smallint := nullif(current_setting('rollup.slot', true), '')::smallint;
BEGIN
  IF chosen IS NOT NULL THEN
    RETURN chosen;
  END IF;
  FOR candidate IN 0..63 LOOP
    IF pg_try_advisory_xact_lock(624002, candidate) THEN
      chosen := candidate;
      EXIT;
    END IF;
  END LOOP;
  chosen := coalesce(chosen, pg_backend_pid() % 64);
  PERFORM set_config('rollup.slot', chosen::text, true);
  RETURN chosen;
END $$;
--> statement-breakpoint
CREATE FUNCTION "rollup_apply_customer_changes"(changes rollup_customer_change[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  writer_slot smallint := rollup_writer_slot();
BEGIN
  IF cardinality(changes) = 0 THEN
    RETURN;
  END IF;
  -- ORDER BY: every transaction locks the rows of a table in the same order, so two bulk statements cannot deadlock.
  INSERT INTO rollup_group_totals AS t (customer_group_id, slot, members, customers, buyers, repeat_buyers, spend)
  SELECT * FROM (
    SELECT c.customer_group_id, writer_slot, sum(c.members) AS members,
           coalesce(sum(c.members) FILTER (WHERE c.is_known), 0) AS customers,
           coalesce(sum(c.members) FILTER (WHERE c.is_known AND c.buyer_class >= 1), 0) AS buyers,
           coalesce(sum(c.members) FILTER (WHERE c.is_known AND c.buyer_class >= 2), 0) AS repeat_buyers,
           sum(c.spend) AS spend
    FROM unnest(changes) c
    GROUP BY c.customer_group_id
  ) d
  WHERE (d.members, d.customers, d.buyers, d.repeat_buyers, d.spend) <> (0, 0, 0, 0, 0)
  ORDER BY d.customer_group_id
  ON CONFLICT (customer_group_id, slot) DO UPDATE
  SET members = t.members + excluded.members, customers = t.customers + excluded.customers, buyers = t.buyers + excluded.buyers,
      repeat_buyers = t.repeat_buyers + excluded.repeat_buyers, spend = t.spend + excluded.spend;

  INSERT INTO rollup_new_customers_daily AS t (day, slot, customers)
  SELECT c.first_seen_day, writer_slot, sum(c.members)
  FROM unnest(changes) c
  WHERE c.is_known
  GROUP BY c.first_seen_day
  HAVING sum(c.members) <> 0
  ORDER BY c.first_seen_day
  ON CONFLICT (day, slot) DO UPDATE SET customers = t.customers + excluded.customers;

  INSERT INTO rollup_staff_acquired_daily AS t (staff_id, day, slot, customers)
  SELECT c.staff_id, c.created_day, writer_slot, sum(c.members)
  FROM unnest(changes) c
  WHERE c.staff_id IS NOT NULL
  GROUP BY c.staff_id, c.created_day
  HAVING sum(c.members) <> 0
  ORDER BY c.staff_id, c.created_day
  ON CONFLICT (staff_id, day, slot) DO UPDATE SET customers = t.customers + excluded.customers;
END $$;
--> statement-breakpoint
CREATE FUNCTION "rollup_apply_sales_daily"(changes rollup_order_change[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  writer_slot smallint := rollup_writer_slot();
BEGIN
  INSERT INTO rollup_sales_daily AS t (day, slot, orders, revenue)
  SELECT c.order_day, writer_slot, sum(c.orders), sum(c.revenue)
  FROM unnest(changes) c
  GROUP BY c.order_day
  HAVING sum(c.orders) <> 0 OR sum(c.revenue) <> 0
  ORDER BY c.order_day
  ON CONFLICT (day, slot) DO UPDATE SET orders = t.orders + excluded.orders, revenue = t.revenue + excluded.revenue;
END $$;
--> statement-breakpoint
CREATE FUNCTION "rollup_apply_staff_sales"(changes rollup_order_change[]) RETURNS void LANGUAGE plpgsql AS $$
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
  CROSS JOIN LATERAL (VALUES
    ('dd', c.cohort_day, c.order_day),
    ('dm', c.cohort_day, date_trunc('month', c.order_day::timestamp)::date),
    ('md', date_trunc('month', c.cohort_day::timestamp)::date, c.order_day),
    ('mm', date_trunc('month', c.cohort_day::timestamp)::date, date_trunc('month', c.order_day::timestamp)::date)
  ) g (grain, cohort_date, order_date)
  WHERE c.staff_id IS NOT NULL
  GROUP BY c.staff_id, g.grain, g.cohort_date, g.order_date
  HAVING sum(c.orders) <> 0 OR sum(c.revenue) <> 0
  ORDER BY c.staff_id, g.grain, g.cohort_date, g.order_date
  ON CONFLICT (staff_id, grain, cohort_date, order_date, slot) DO UPDATE SET orders = t.orders + excluded.orders, revenue = t.revenue + excluded.revenue;
END $$;
--> statement-breakpoint
CREATE FUNCTION "rollup_customers_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changes rollup_customer_change[];
  moved rollup_customer_move[];
BEGIN
  -- One function for the three triggers (a trigger with transition tables fires on one event only); each branch reads
  -- only the transition tables its event has.
  IF TG_OP = 'INSERT' THEN
    changes := ARRAY(
      SELECT ROW(customer_group_id, is_known, buyer_class, first_seen_day, staff_id, created_day, count(*), sum(total_spend))::rollup_customer_change
      FROM (
        SELECT customer_group_id, erased_at IS NULL AS is_known, least(order_count, 2) AS buyer_class,
               (least(created_at, first_order_date) AT TIME ZONE 'UTC')::date AS first_seen_day, created_by_id AS staff_id,
               (created_at AT TIME ZONE 'UTC')::date AS created_day, total_spend
        FROM new_rows
      ) x
      GROUP BY customer_group_id, is_known, buyer_class, first_seen_day, staff_id, created_day);
    INSERT INTO rollup_staff_customers (customer_id, staff_id, created_at, total_spend, order_count, first_order_date, last_order_date)
    SELECT id, created_by_id, created_at, total_spend, order_count, first_order_date, last_order_date FROM new_rows WHERE created_by_id IS NOT NULL;
  ELSIF TG_OP = 'DELETE' THEN
    changes := ARRAY(
      SELECT ROW(customer_group_id, is_known, buyer_class, first_seen_day, staff_id, created_day, -count(*), -sum(total_spend))::rollup_customer_change
      FROM (
        SELECT customer_group_id, erased_at IS NULL AS is_known, least(order_count, 2) AS buyer_class,
               (least(created_at, first_order_date) AT TIME ZONE 'UTC')::date AS first_seen_day, created_by_id AS staff_id,
               (created_at AT TIME ZONE 'UTC')::date AS created_day, total_spend
        FROM old_rows
      ) x
      GROUP BY customer_group_id, is_known, buyer_class, first_seen_day, staff_id, created_day);
    DELETE FROM rollup_staff_customers s USING old_rows o WHERE s.customer_id = o.id AND o.created_by_id IS NOT NULL;
  ELSE
    changes := ARRAY(
      SELECT ROW(customer_group_id, is_known, buyer_class, first_seen_day, staff_id, created_day, sum(sign), sum(sign * total_spend))::rollup_customer_change
      FROM (
        SELECT 1 AS sign, customer_group_id, erased_at IS NULL AS is_known, least(order_count, 2) AS buyer_class,
               (least(created_at, first_order_date) AT TIME ZONE 'UTC')::date AS first_seen_day, created_by_id AS staff_id,
               (created_at AT TIME ZONE 'UTC')::date AS created_day, total_spend
        FROM new_rows
        UNION ALL
        SELECT -1, customer_group_id, erased_at IS NULL, least(order_count, 2), (least(created_at, first_order_date) AT TIME ZONE 'UTC')::date,
               created_by_id, (created_at AT TIME ZONE 'UTC')::date, total_spend
        FROM old_rows
      ) x
      GROUP BY customer_group_id, is_known, buyer_class, first_seen_day, staff_id, created_day
      HAVING sum(sign) <> 0 OR sum(sign * total_spend) <> 0);
    DELETE FROM rollup_staff_customers s USING old_rows o JOIN new_rows n ON n.id = o.id
    WHERE s.customer_id = o.id AND o.created_by_id IS NOT NULL AND n.created_by_id IS NULL;
    INSERT INTO rollup_staff_customers AS s (customer_id, staff_id, created_at, total_spend, order_count, first_order_date, last_order_date)
    SELECT n.id, n.created_by_id, n.created_at, n.total_spend, n.order_count, n.first_order_date, n.last_order_date
    FROM new_rows n
    WHERE n.created_by_id IS NOT NULL
      AND NOT EXISTS (
        SELECT 1 FROM old_rows o
        WHERE o.id = n.id
          AND (o.created_by_id, o.created_at, o.total_spend, o.order_count, o.first_order_date, o.last_order_date)
              IS NOT DISTINCT FROM (n.created_by_id, n.created_at, n.total_spend, n.order_count, n.first_order_date, n.last_order_date))
    ORDER BY n.id
    ON CONFLICT (customer_id) DO UPDATE
    SET staff_id = excluded.staff_id, created_at = excluded.created_at, total_spend = excluded.total_spend, order_count = excluded.order_count,
        first_order_date = excluded.first_order_date, last_order_date = excluded.last_order_date;
    -- A customer whose creator or creation day changed takes its counted orders from one staff cohort to another
    -- (rare: the orders are read only then).
    moved := ARRAY(
      SELECT ROW(o.id, o.created_by_id, (o.created_at AT TIME ZONE 'UTC')::date, n.created_by_id, (n.created_at AT TIME ZONE 'UTC')::date)::rollup_customer_move
      FROM old_rows o
      JOIN new_rows n ON n.id = o.id
      WHERE (o.created_by_id IS NOT NULL OR n.created_by_id IS NOT NULL)
        AND (o.created_by_id, (o.created_at AT TIME ZONE 'UTC')::date) IS DISTINCT FROM (n.created_by_id, (n.created_at AT TIME ZONE 'UTC')::date));
    IF cardinality(moved) > 0 THEN
      PERFORM rollup_apply_staff_sales(ARRAY(
        SELECT ROW((x.placed_at AT TIME ZONE 'UTC')::date, s.staff_id, s.cohort_day, sum(s.sign), sum(s.sign * (x.total - x.refunded_total)))::rollup_order_change
        FROM unnest(moved) m
        CROSS JOIN LATERAL (VALUES (-1, m.old_staff_id, m.old_created_day), (1, m.new_staff_id, m.new_created_day)) s (sign, staff_id, cohort_day)
        JOIN orders x ON x.customer_id = m.customer_id AND x.status IN ('completed', 'partially_refunded', 'refunded')
        WHERE s.staff_id IS NOT NULL
        GROUP BY (x.placed_at AT TIME ZONE 'UTC')::date, s.staff_id, s.cohort_day));
    END IF;
  END IF;
  PERFORM rollup_apply_customer_changes(changes);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "rollup_orders_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changes rollup_order_change[];
BEGIN
  -- Per customer and day first, so that rows whose counted amount did not change cancel out before the join; then
  -- each customer's creator and creation day, as they are at the end of the statement.
  IF TG_OP = 'INSERT' THEN
    changes := ARRAY(
      WITH delta AS (
        SELECT customer_id, (placed_at AT TIME ZONE 'UTC')::date AS order_day, count(*) AS orders, sum(total - refunded_total) AS revenue
        FROM new_rows
        WHERE status IN ('completed', 'partially_refunded', 'refunded')
        GROUP BY 1, 2
      )
      SELECT ROW(d.order_day, c.created_by_id, (c.created_at AT TIME ZONE 'UTC')::date, sum(d.orders), sum(d.revenue))::rollup_order_change
      FROM delta d LEFT JOIN customers c ON c.id = d.customer_id AND c.created_by_id IS NOT NULL
      GROUP BY d.order_day, c.created_by_id, (c.created_at AT TIME ZONE 'UTC')::date);
  ELSIF TG_OP = 'DELETE' THEN
    changes := ARRAY(
      WITH delta AS (
        SELECT customer_id, (placed_at AT TIME ZONE 'UTC')::date AS order_day, -count(*) AS orders, -sum(total - refunded_total) AS revenue
        FROM old_rows
        WHERE status IN ('completed', 'partially_refunded', 'refunded')
        GROUP BY 1, 2
      )
      SELECT ROW(d.order_day, c.created_by_id, (c.created_at AT TIME ZONE 'UTC')::date, sum(d.orders), sum(d.revenue))::rollup_order_change
      FROM delta d LEFT JOIN customers c ON c.id = d.customer_id AND c.created_by_id IS NOT NULL
      GROUP BY d.order_day, c.created_by_id, (c.created_at AT TIME ZONE 'UTC')::date);
  ELSE
    changes := ARRAY(
      WITH delta AS (
        SELECT customer_id, order_day, sum(sign) AS orders, sum(sign * revenue) AS revenue
        FROM (
          SELECT 1 AS sign, customer_id, (placed_at AT TIME ZONE 'UTC')::date AS order_day, total - refunded_total AS revenue
          FROM new_rows
          WHERE status IN ('completed', 'partially_refunded', 'refunded')
          UNION ALL
          SELECT -1, customer_id, (placed_at AT TIME ZONE 'UTC')::date, total - refunded_total
          FROM old_rows
          WHERE status IN ('completed', 'partially_refunded', 'refunded')
        ) x
        GROUP BY customer_id, order_day
        HAVING sum(sign) <> 0 OR sum(sign * revenue) <> 0
      )
      SELECT ROW(d.order_day, c.created_by_id, (c.created_at AT TIME ZONE 'UTC')::date, sum(d.orders), sum(d.revenue))::rollup_order_change
      FROM delta d LEFT JOIN customers c ON c.id = d.customer_id AND c.created_by_id IS NOT NULL
      GROUP BY d.order_day, c.created_by_id, (c.created_at AT TIME ZONE 'UTC')::date);
  END IF;
  IF cardinality(changes) > 0 THEN
    PERFORM rollup_apply_sales_daily(changes);
    PERFORM rollup_apply_staff_sales(changes);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "rollup_customers_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM rollup_group_totals;
  DELETE FROM rollup_new_customers_daily;
  DELETE FROM rollup_staff_acquired_daily;
  DELETE FROM rollup_staff_customers;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "rollup_orders_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM rollup_sales_daily;
  DELETE FROM rollup_staff_sales;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "rollup_customers_inserted" AFTER INSERT ON "customers" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_customers_changed();
--> statement-breakpoint
CREATE TRIGGER "rollup_customers_updated" AFTER UPDATE ON "customers" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_customers_changed();
--> statement-breakpoint
CREATE TRIGGER "rollup_customers_deleted" AFTER DELETE ON "customers" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_customers_changed();
--> statement-breakpoint
CREATE TRIGGER "rollup_customers_truncated" AFTER TRUNCATE ON "customers" FOR EACH STATEMENT EXECUTE FUNCTION rollup_customers_truncated();
--> statement-breakpoint
CREATE TRIGGER "rollup_orders_inserted" AFTER INSERT ON "orders" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_orders_changed();
--> statement-breakpoint
CREATE TRIGGER "rollup_orders_updated" AFTER UPDATE ON "orders" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_orders_changed();
--> statement-breakpoint
CREATE TRIGGER "rollup_orders_deleted" AFTER DELETE ON "orders" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_orders_changed();
--> statement-breakpoint
CREATE TRIGGER "rollup_orders_truncated" AFTER TRUNCATE ON "orders" FOR EACH STATEMENT EXECUTE FUNCTION rollup_orders_truncated();
--> statement-breakpoint
-- Recomputes every rollup from customers and orders (the backfill below; also the repair, should a rollup ever be
-- found to differ from the full computation). Writers wait until it commits, so no change is missed or counted twice.
CREATE FUNCTION "rollup_rebuild_dashboard"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE customers, orders IN SHARE MODE;
  DELETE FROM rollup_group_totals;
  DELETE FROM rollup_new_customers_daily;
  DELETE FROM rollup_staff_acquired_daily;
  DELETE FROM rollup_sales_daily;
  DELETE FROM rollup_staff_sales;
  DELETE FROM rollup_staff_customers;
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
SELECT rollup_rebuild_dashboard();
--> statement-breakpoint
-- Statistics at once: the readers' plans (one index range per member and cohort date) depend on them, and a table
-- filled by one statement waits for autovacuum's next round.
ANALYZE rollup_group_totals, rollup_new_customers_daily, rollup_sales_daily, rollup_staff_acquired_daily, rollup_staff_sales, rollup_staff_customers;
