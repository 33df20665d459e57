-- The Duplicates list built again from scratch, for a bulk load (src/seed/demo-load.ts): the commit-time refresh looks
-- up each queued customer's partners one at a time (over ten minutes for 100,000 new customers), where one join per
-- reason builds every pair at once. It empties the queue (so the deferred trigger finds nothing to do) and takes the
-- shop-wide lock that a large refresh takes (customer_duplicate_pairs_apply), so no other refresh interleaves.
CREATE FUNCTION customer_duplicate_pairs_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM customer_duplicate_refreshes;
  PERFORM pg_advisory_xact_lock(6240100, 0);
  DELETE FROM customer_duplicate_pairs;
  INSERT INTO customer_duplicate_pairs (customer_a_id, customer_b_id, reason) SELECT * FROM customer_duplicate_pairs_computed();
END $$;
