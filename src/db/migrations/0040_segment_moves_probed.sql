-- A metrics run's segment moves looked each moved customer's sort keys up by hashing every customer: at a million
-- customers and 24,000 moves, 0.95 s of the 4 s the moves took, once for the changed customers' update and once for the
-- rescore. The planner prices a probe of customers_pkey above its share of a scan, but measured here a probe costs
-- about 20 µs and hashing about 1 µs a customer: moves are probed while they are fewer than a twentieth of the
-- customers (a day's run), and hashed beyond (a run as of another day, which may move most of them).
CREATE OR REPLACE FUNCTION customer_segments_apply_moves(moved_ids uuid[], moved_segments text[]) RETURNS void LANGUAGE plpgsql
-- The metrics run turns nested loops off for its own joins of whole tables; these statements read a few rows by key,
-- or hash many, and never want a merge join (it would sort both sides). enable_hashjoin is listed so that the
-- set_config below ends with the function.
SET enable_nestloop = on SET enable_hashjoin = on SET enable_mergejoin = off AS $$
BEGIN
  IF cardinality(moved_ids) * 20 < (SELECT reltuples FROM pg_class WHERE oid = 'customers'::regclass) THEN
    PERFORM set_config('enable_hashjoin', 'off', true);
  END IF;
  -- Planned at each call, with the arrays' lengths known.
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
