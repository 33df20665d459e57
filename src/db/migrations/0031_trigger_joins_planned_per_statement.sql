-- Statements in a PL/pgSQL trigger function are planned once per connection and the plan is kept, made for the rows
-- of the first firing on that connection. A statement that joins the two transition tables kept a nested loop planned
-- for one row (after single-row edits) when the same connection later updated thousands of rows in one statement,
-- which is quadratic: 10,000 customers given a creator took 42 s after a few single edits, against about 2 s on a
-- fresh connection, and 100,000 at a million customers did not finish in 20 minutes. So:
-- - where the old and new rows are compared to find what changed, they are compared with EXCEPT, which is planned as a
--   hash or a sort whatever the sizes: linear, and the kept plan stays right;
-- - statements that also join other tables run through EXECUTE, planned at each firing with the real sizes (a
--   fraction of a millisecond), and the staff rollup's run only when a row of the statement has a creator, before or
--   after (most customers have none, so a single edit of one plans nothing).
CREATE OR REPLACE FUNCTION "metric_changes_from_orders"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "metric_changes" ("customer_id") SELECT DISTINCT "customer_id" FROM "new_orders";
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "metric_changes" ("customer_id") SELECT DISTINCT "customer_id" FROM "old_orders";
  ELSE
    -- The orders whose counted figures or customer changed, as they were and as they are: both customers.
    INSERT INTO "metric_changes" ("customer_id")
    SELECT DISTINCT changed."customer_id" FROM (
      (SELECT "id", "customer_id", "status", "total", "refunded_total", "item_count", "placed_at" FROM "new_orders"
       EXCEPT SELECT "id", "customer_id", "status", "total", "refunded_total", "item_count", "placed_at" FROM "old_orders")
      UNION ALL
      (SELECT "id", "customer_id", "status", "total", "refunded_total", "item_count", "placed_at" FROM "old_orders"
       EXCEPT SELECT "id", "customer_id", "status", "total", "refunded_total", "item_count", "placed_at" FROM "new_orders")
    ) changed;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "rollup_customers_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
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
    -- The staff rollup's copy and cohorts concern only customers with a creator, before or after.
    IF NOT EXISTS (SELECT 1 FROM new_rows WHERE created_by_id IS NOT NULL) AND NOT EXISTS (SELECT 1 FROM old_rows WHERE created_by_id IS NOT NULL) THEN
      PERFORM rollup_apply_customer_changes(changes);
      RETURN NULL;
    END IF;
    EXECUTE $q$
    DELETE FROM rollup_staff_customers s USING old_rows o JOIN new_rows n ON n.id = o.id
    WHERE s.customer_id = o.id AND o.created_by_id IS NOT NULL AND n.created_by_id IS NULL
    $q$;
    EXECUTE $q$
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
        first_order_date = excluded.first_order_date, last_order_date = excluded.last_order_date
    $q$;
    -- A customer whose creator or creation day changed takes its counted orders from one staff cohort to another
    -- (rare: the orders are read only then).
    EXECUTE $q$
    SELECT ARRAY(
      SELECT ROW(o.id, o.created_by_id, (o.created_at AT TIME ZONE 'UTC')::date, n.created_by_id, (n.created_at AT TIME ZONE 'UTC')::date)::rollup_customer_move
      FROM old_rows o
      JOIN new_rows n ON n.id = o.id
      WHERE (o.created_by_id IS NOT NULL OR n.created_by_id IS NOT NULL)
        AND (o.created_by_id, (o.created_at AT TIME ZONE 'UTC')::date) IS DISTINCT FROM (n.created_by_id, (n.created_at AT TIME ZONE 'UTC')::date))
    $q$ INTO moved;
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
CREATE OR REPLACE FUNCTION customer_duplicates_customers_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed_ids uuid[];
  previous_keys text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(n.id), '{}' INTO changed_ids, previous_keys FROM new_rows n WHERE n.erased_at IS NULL;
  ELSIF TG_OP = 'UPDATE' THEN
    -- The rows as they were, of the customers whose mailbox, phone, name or erasure changed.
    SELECT array_agg(o.id), array_remove(array_agg('e:' || o.email_canonical) || array_agg('p:' || o.phone), NULL) INTO changed_ids, previous_keys
    FROM (SELECT id, email_canonical, phone, sort_name, erased_at IS NULL AS is_known FROM old_rows
          EXCEPT SELECT id, email_canonical, phone, sort_name, erased_at IS NULL FROM new_rows) o;
  ELSE
    SELECT array_agg(o.id), array_remove(array_agg('e:' || o.email_canonical) || array_agg('p:' || o.phone), NULL) INTO changed_ids, previous_keys
    FROM old_rows o;
  END IF;
  IF changed_ids IS NOT NULL THEN
    INSERT INTO customer_duplicate_refreshes (customer_ids, old_keys) VALUES (changed_ids, previous_keys);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION customer_duplicates_addresses_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed_ids uuid[];
  previous_keys text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n.customer_id), '{}' INTO changed_ids, previous_keys FROM new_rows n;
  ELSIF TG_OP = 'UPDATE' THEN
    -- The addresses whose customer, country, postcode or street line changed: their keys as they were, and their
    -- customers before and after.
    WITH gone AS (
      SELECT id, customer_id, country_code, postal_key, line1_key FROM old_rows
      EXCEPT SELECT id, customer_id, country_code, postal_key, line1_key FROM new_rows
    ), came AS (
      SELECT id, customer_id, country_code, postal_key, line1_key FROM new_rows
      EXCEPT SELECT id, customer_id, country_code, postal_key, line1_key FROM old_rows
    )
    SELECT array_agg(DISTINCT c.id), array_remove(array_agg(DISTINCT c.old_key), NULL) INTO changed_ids, previous_keys
    FROM (
      SELECT g.customer_id, 'z:' || g.country_code || ':' || g.postal_key FROM gone g
      UNION ALL SELECT g.customer_id, 'l:' || g.country_code || ':' || g.line1_key FROM gone g
      UNION ALL SELECT n.customer_id, NULL FROM came n
    ) c(id, old_key);
  ELSE
    SELECT array_agg(DISTINCT c.id), array_remove(array_agg(DISTINCT c.old_key), NULL) INTO changed_ids, previous_keys
    FROM old_rows o
    CROSS JOIN LATERAL (VALUES (o.customer_id, 'z:' || o.country_code || ':' || o.postal_key),
                               (o.customer_id, 'l:' || o.country_code || ':' || o.line1_key)) c(id, old_key);
  END IF;
  IF changed_ids IS NOT NULL THEN
    INSERT INTO customer_duplicate_refreshes (customer_ids, old_keys) VALUES (changed_ids, previous_keys);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION customer_segments_metrics_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM customer_segments s USING old_rows o WHERE s.customer_id = o.customer_id;
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO customer_segments (customer_id, segment, created_at, sort_name, email_key, total_spend, order_count, last_order_key)
    SELECT n.customer_id, n.rfm_segment, c.created_at, c.sort_name, coalesce(c.email, ''), c.total_spend, c.order_count,
           coalesce(c.last_order_date, '-infinity'::timestamptz)
    FROM new_rows n JOIN customers c ON c.id = n.customer_id
    WHERE n.rfm_segment IS NOT NULL
    ON CONFLICT (customer_id) DO UPDATE SET segment = excluded.segment;
    RETURN NULL;
  END IF;
  -- An update: the rows whose segment went away (or whose customer did), then those whose segment is new or moved.
  -- A run that leaves most segments as they were writes only the moved ones.
  EXECUTE $q$
  DELETE FROM customer_segments s USING old_rows o
  WHERE s.customer_id = o.customer_id AND o.rfm_segment IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.customer_id = o.customer_id AND n.rfm_segment IS NOT NULL)
  $q$;
  EXECUTE $q$
  INSERT INTO customer_segments (customer_id, segment, created_at, sort_name, email_key, total_spend, order_count, last_order_key)
  SELECT n.customer_id, n.rfm_segment, c.created_at, c.sort_name, coalesce(c.email, ''), c.total_spend, c.order_count,
         coalesce(c.last_order_date, '-infinity'::timestamptz)
  FROM new_rows n JOIN customers c ON c.id = n.customer_id
  WHERE n.rfm_segment IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM old_rows o WHERE o.customer_id = n.customer_id AND o.rfm_segment = n.rfm_segment)
  ON CONFLICT (customer_id) DO UPDATE SET segment = excluded.segment
  $q$;
  RETURN NULL;
END $$;
