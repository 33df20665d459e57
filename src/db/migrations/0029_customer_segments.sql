CREATE TABLE "customer_segments" (
	"customer_id" uuid PRIMARY KEY NOT NULL,
	"segment" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"sort_name" text NOT NULL,
	"email_key" text NOT NULL,
	"total_spend" bigint NOT NULL,
	"order_count" integer NOT NULL,
	"last_order_key" timestamp(3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customer_segments" ADD CONSTRAINT "customer_segments_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- customer_segments (db/schema/customer-segments.ts) follows customer_metrics' segments and customers' sort keys.
-- Segments change in bulk (a metrics run rewrites up to every row in one statement), so their trigger is per statement,
-- with transition tables; sort keys change a customer at a time (an order completed, a name edited), so theirs is per
-- row and runs only when a key moved (UPDATE OF and WHEN decide before the function is called).
CREATE FUNCTION customer_segments_metrics_changed() RETURNS trigger LANGUAGE plpgsql AS $$
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
  DELETE FROM customer_segments s USING old_rows o
  WHERE s.customer_id = o.customer_id AND o.rfm_segment IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.customer_id = o.customer_id AND n.rfm_segment IS NOT NULL);
  INSERT INTO customer_segments (customer_id, segment, created_at, sort_name, email_key, total_spend, order_count, last_order_key)
  SELECT n.customer_id, n.rfm_segment, c.created_at, c.sort_name, coalesce(c.email, ''), c.total_spend, c.order_count,
         coalesce(c.last_order_date, '-infinity'::timestamptz)
  FROM new_rows n JOIN customers c ON c.id = n.customer_id
  WHERE n.rfm_segment IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM old_rows o WHERE o.customer_id = n.customer_id AND o.rfm_segment = n.rfm_segment)
  ON CONFLICT (customer_id) DO UPDATE SET segment = excluded.segment;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION customer_segments_metrics_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM customer_segments;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER customer_segments_metrics_inserted AFTER INSERT ON customer_metrics REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_segments_metrics_changed();
--> statement-breakpoint
CREATE TRIGGER customer_segments_metrics_updated AFTER UPDATE ON customer_metrics REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_segments_metrics_changed();
--> statement-breakpoint
CREATE TRIGGER customer_segments_metrics_deleted AFTER DELETE ON customer_metrics REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_segments_metrics_changed();
--> statement-breakpoint
CREATE TRIGGER customer_segments_metrics_truncated AFTER TRUNCATE ON customer_metrics FOR EACH STATEMENT EXECUTE FUNCTION customer_segments_metrics_truncated();
--> statement-breakpoint
-- A customer's sort keys, copied to its segment row (if it has one).
CREATE FUNCTION customer_segments_sync_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE customer_segments SET created_at = NEW.created_at, sort_name = NEW.sort_name, email_key = coalesce(NEW.email, ''),
    total_spend = NEW.total_spend, order_count = NEW.order_count, last_order_key = coalesce(NEW.last_order_date, '-infinity'::timestamptz)
  WHERE customer_id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- sort_name follows first_name and last_name, which are listed.
CREATE TRIGGER customer_segments_on_customer_update
  AFTER UPDATE OF first_name, last_name, email, total_spend, order_count, last_order_date, created_at ON customers
  FOR EACH ROW
  WHEN ((OLD.created_at, OLD.sort_name, OLD.email, OLD.total_spend, OLD.order_count, OLD.last_order_date)
        IS DISTINCT FROM (NEW.created_at, NEW.sort_name, NEW.email, NEW.total_spend, NEW.order_count, NEW.last_order_date))
  EXECUTE FUNCTION customer_segments_sync_keys();
--> statement-breakpoint
-- The segments there already; the indexes after, one sorted build each.
INSERT INTO customer_segments (customer_id, segment, created_at, sort_name, email_key, total_spend, order_count, last_order_key)
SELECT m.customer_id, m.rfm_segment, c.created_at, c.sort_name, coalesce(c.email, ''), c.total_spend, c.order_count,
       coalesce(c.last_order_date, '-infinity'::timestamptz)
FROM customer_metrics m JOIN customers c ON c.id = m.customer_id
WHERE m.rfm_segment IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "customer_segments_created_at_idx" ON "customer_segments" USING btree ("segment","created_at","customer_id");--> statement-breakpoint
CREATE INDEX "customer_segments_sort_name_idx" ON "customer_segments" USING btree ("segment","sort_name","customer_id");--> statement-breakpoint
CREATE INDEX "customer_segments_email_idx" ON "customer_segments" USING btree ("segment","email_key","customer_id");--> statement-breakpoint
CREATE INDEX "customer_segments_total_spend_idx" ON "customer_segments" USING btree ("segment","total_spend","customer_id");--> statement-breakpoint
CREATE INDEX "customer_segments_order_count_idx" ON "customer_segments" USING btree ("segment","order_count","customer_id");--> statement-breakpoint
CREATE INDEX "customer_segments_last_order_idx" ON "customer_segments" USING btree ("segment","last_order_key","customer_id");--> statement-breakpoint
ANALYZE customer_segments;
