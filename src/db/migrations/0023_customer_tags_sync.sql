-- customer_tags (db/schema/customer-tags.ts) follows customers: a row per tag of each customer with the list's sort
-- keys. Statement-level triggers with transition tables keep it so, set-based: a bulk change of a million customers'
-- tags is one join, not a million function calls, and a single-row update costs two small statements.

-- A new customer's tags (an insert, or the insert half of an upsert).
CREATE FUNCTION customer_tags_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO customer_tags (customer_id, tag, created_at, sort_name, email_key, total_spend, order_count, last_order_key)
  SELECT DISTINCT n.id, t.tag, n.created_at, n.sort_name, coalesce(n.email, ''), n.total_spend, n.order_count,
         coalesce(n.last_order_date, '-infinity'::timestamptz)
  FROM new_rows n CROSS JOIN LATERAL unnest(n.tags) AS t(tag)
  WHERE t.tag IS NOT NULL
  ON CONFLICT (customer_id, tag) DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Changed customers: tags taken off are deleted, the others (new or with a changed sort key) written. Updates that
-- touch neither tags nor a sort key (notes, consent, group) find no row to write.
CREATE FUNCTION customer_tags_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM customer_tags ct
  USING new_rows n JOIN old_rows o ON o.id = n.id
  WHERE ct.customer_id = n.id AND o.tags IS DISTINCT FROM n.tags AND ct.tag <> ALL (n.tags);

  INSERT INTO customer_tags (customer_id, tag, created_at, sort_name, email_key, total_spend, order_count, last_order_key)
  SELECT DISTINCT n.id, t.tag, n.created_at, n.sort_name, coalesce(n.email, ''), n.total_spend, n.order_count,
         coalesce(n.last_order_date, '-infinity'::timestamptz)
  FROM new_rows n JOIN old_rows o ON o.id = n.id CROSS JOIN LATERAL unnest(n.tags) AS t(tag)
  WHERE t.tag IS NOT NULL
    AND (o.tags, o.created_at, o.sort_name, o.email, o.total_spend, o.order_count, o.last_order_date)
        IS DISTINCT FROM (n.tags, n.created_at, n.sort_name, n.email, n.total_spend, n.order_count, n.last_order_date)
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
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_tags_on_insert();
--> statement-breakpoint
CREATE TRIGGER customer_tags_on_update AFTER UPDATE ON customers
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_tags_on_update();
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
