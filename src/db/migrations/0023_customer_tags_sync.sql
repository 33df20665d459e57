-- customer_tags (db/schema/customer-tags.ts) follows customers: a row per tag of each customer with the list's sort
-- keys. Row triggers, so that the many updates that touch neither tags nor a sort key (notes, consent, group, version)
-- never call the function: `UPDATE OF` and WHEN decide that before it runs. A statement trigger would be set-based
-- for bulk changes, but it runs (and its transition tables are kept) for every update of customers, and that cost a
-- single-row update more than the row trigger costs a tagged one.

-- Writes the customer's tags with its current sort keys; on an update, first deletes the tags taken off.
CREATE FUNCTION customer_tags_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.tags IS DISTINCT FROM NEW.tags THEN
    DELETE FROM customer_tags WHERE customer_id = NEW.id AND tag <> ALL (NEW.tags);
  END IF;
  INSERT INTO customer_tags (customer_id, tag, created_at, sort_name, email_key, total_spend, order_count, last_order_key)
  SELECT DISTINCT NEW.id, t.tag, NEW.created_at, NEW.sort_name, coalesce(NEW.email, ''), NEW.total_spend, NEW.order_count,
         coalesce(NEW.last_order_date, '-infinity'::timestamptz)
  FROM unnest(NEW.tags) AS t(tag)
  WHERE t.tag IS NOT NULL
  ON CONFLICT (customer_id, tag) DO UPDATE SET
    created_at = excluded.created_at, sort_name = excluded.sort_name, email_key = excluded.email_key,
    total_spend = excluded.total_spend, order_count = excluded.order_count, last_order_key = excluded.last_order_key
  WHERE (customer_tags.created_at, customer_tags.sort_name, customer_tags.email_key, customer_tags.total_spend,
         customer_tags.order_count, customer_tags.last_order_key)
        IS DISTINCT FROM (excluded.created_at, excluded.sort_name, excluded.email_key, excluded.total_spend,
         excluded.order_count, excluded.last_order_key);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER customer_tags_on_insert AFTER INSERT ON customers
  FOR EACH ROW WHEN (cardinality(NEW.tags) > 0) EXECUTE FUNCTION customer_tags_sync();
--> statement-breakpoint
-- sort_name follows first_name and last_name, which are listed.
CREATE TRIGGER customer_tags_on_update
  AFTER UPDATE OF tags, first_name, last_name, email, total_spend, order_count, last_order_date, created_at ON customers
  FOR EACH ROW
  WHEN ((cardinality(OLD.tags) > 0 OR cardinality(NEW.tags) > 0)
    AND (OLD.tags, OLD.created_at, OLD.sort_name, OLD.email, OLD.total_spend, OLD.order_count, OLD.last_order_date)
        IS DISTINCT FROM (NEW.tags, NEW.created_at, NEW.sort_name, NEW.email, NEW.total_spend, NEW.order_count, NEW.last_order_date))
  EXECUTE FUNCTION customer_tags_sync();
--> statement-breakpoint
-- The customers there already.
INSERT INTO customer_tags (customer_id, tag, created_at, sort_name, email_key, total_spend, order_count, last_order_key)
SELECT DISTINCT c.id, t.tag, c.created_at, c.sort_name, coalesce(c.email, ''), c.total_spend, c.order_count,
       coalesce(c.last_order_date, '-infinity'::timestamptz)
FROM customers c CROSS JOIN LATERAL unnest(c.tags) AS t(tag)
WHERE t.tag IS NOT NULL;
--> statement-breakpoint
-- The sort indexes of db/schema/customer-tags.ts (0022 left them to here).
CREATE INDEX "customer_tags_created_at_idx" ON "customer_tags" USING btree ("tag","created_at","customer_id");
--> statement-breakpoint
CREATE INDEX "customer_tags_sort_name_idx" ON "customer_tags" USING btree ("tag","sort_name","customer_id");
--> statement-breakpoint
CREATE INDEX "customer_tags_email_idx" ON "customer_tags" USING btree ("tag","email_key","customer_id");
--> statement-breakpoint
CREATE INDEX "customer_tags_total_spend_idx" ON "customer_tags" USING btree ("tag","total_spend","customer_id");
--> statement-breakpoint
CREATE INDEX "customer_tags_order_count_idx" ON "customer_tags" USING btree ("tag","order_count","customer_id");
--> statement-breakpoint
CREATE INDEX "customer_tags_last_order_idx" ON "customer_tags" USING btree ("tag","last_order_key","customer_id");
--> statement-breakpoint
-- Statistics at once, so the first tag filter after the upgrade is planned on the tag's real frequency.
ANALYZE customer_tags;
