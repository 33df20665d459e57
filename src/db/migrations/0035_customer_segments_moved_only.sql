-- A metrics run on a new day rewrites every customer's metrics row (their days and predictions move) but moves the
-- segment of a few hundred. The update branch of customer_segments_metrics_changed found those with two joins of the
-- whole transition tables, one of them against every row of customer_segments and the other against every customer:
-- 330 ms of a 1.3 s write at 100,000 customers, to write 619 rows. Now one EXCEPT of the narrow pairs (customer,
-- segment) finds the moved customers (a hash or a sort, whatever the sizes, so the kept plan stays right), and only
-- they are read and written, each by its key (customer_segments_apply_moves).
CREATE FUNCTION customer_segments_apply_moves(moved_ids uuid[], moved_segments text[]) RETURNS void LANGUAGE plpgsql
-- The metrics run turns nested loops off for its own joins of whole tables; these statements read a few rows by key.
SET enable_nestloop = on AS $$
BEGIN
  -- Planned at each call, with the arrays' lengths known: a few keys are looked up, many are hashed.
  EXECUTE $q$
  DELETE FROM customer_segments s USING unnest($1, $2) m (customer_id, segment)
  WHERE s.customer_id = m.customer_id AND m.segment IS NULL
  $q$ USING moved_ids, moved_segments;
  EXECUTE $q$
  INSERT INTO customer_segments (customer_id, segment, created_at, sort_name, email_key, total_spend, order_count, last_order_key)
  SELECT m.customer_id, m.segment, c.created_at, c.sort_name, coalesce(c.email, ''), c.total_spend, c.order_count,
         coalesce(c.last_order_date, '-infinity'::timestamptz)
  FROM unnest($1, $2) m (customer_id, segment) JOIN customers c ON c.id = m.customer_id
  WHERE m.segment IS NOT NULL
  ON CONFLICT (customer_id) DO UPDATE SET segment = excluded.segment
  $q$ USING moved_ids, moved_segments;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION customer_segments_metrics_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  moved_ids uuid[];
  moved_segments text[];
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
  -- An update: the customers whose (customer, segment) pair is new. EXCEPT compares nulls as equal, so a customer
  -- without a segment before and after is not among them. An update cannot change customer_id (customer_metrics_key_kept
  -- below), so the old and new rows are the same customers and each moved one is here with their new segment (null:
  -- no segment any more). Planned at each firing: a hashed EXCEPT planned for a few rows does not spill to disk, and
  -- kept for a run's million it would hold them all in memory.
  EXECUTE $q$
  SELECT coalesce(array_agg(customer_id), '{}'), coalesce(array_agg(rfm_segment), '{}')
  FROM (SELECT customer_id, rfm_segment FROM new_rows EXCEPT SELECT customer_id, rfm_segment FROM old_rows) moved
  $q$ INTO moved_ids, moved_segments;
  IF cardinality(moved_ids) > 0 THEN
    PERFORM customer_segments_apply_moves(moved_ids, moved_segments);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A metrics row belongs to its customer for good: moving one to another customer would carry the first one's figures,
-- and the trigger above relies on it. Fires only for an UPDATE that sets customer_id, which no writer does.
CREATE FUNCTION customer_metrics_key_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'customer_metrics.customer_id cannot change (delete the row and insert one for the other customer)';
END $$;
--> statement-breakpoint
CREATE TRIGGER customer_metrics_key_kept BEFORE UPDATE OF customer_id ON customer_metrics
FOR EACH ROW WHEN (OLD.customer_id IS DISTINCT FROM NEW.customer_id) EXECUTE FUNCTION customer_metrics_key_kept();
