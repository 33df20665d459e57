CREATE TABLE "metric_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"customer_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customer_metrics" ADD COLUMN "order_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "customer_metrics" ADD COLUMN "total_spend" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Every statement that writes orders records the customers whose counted orders may have changed, once per customer
-- per statement (transition tables: a bulk import adds one row per customer, not per order). Updates that leave the
-- figures the metrics read untouched (an address, a note) record nothing.
CREATE FUNCTION "metric_changes_from_orders"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "metric_changes" ("customer_id") SELECT DISTINCT "customer_id" FROM "new_orders";
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "metric_changes" ("customer_id") SELECT DISTINCT "customer_id" FROM "old_orders";
  ELSE
    INSERT INTO "metric_changes" ("customer_id")
    SELECT ids."id" FROM (
      SELECT n."customer_id" AS "new_customer_id", o."customer_id" AS "old_customer_id"
      FROM "new_orders" n JOIN "old_orders" o ON o."id" = n."id"
      WHERE (n."customer_id", n."status", n."total", n."refunded_total", n."item_count", n."placed_at")
        IS DISTINCT FROM (o."customer_id", o."status", o."total", o."refunded_total", o."item_count", o."placed_at")
    ) changed, LATERAL (VALUES (changed."new_customer_id"), (changed."old_customer_id")) AS ids("id")
    GROUP BY 1;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "orders_metric_changes_insert" AFTER INSERT ON "orders" REFERENCING NEW TABLE AS "new_orders" FOR EACH STATEMENT EXECUTE FUNCTION "metric_changes_from_orders"();--> statement-breakpoint
CREATE TRIGGER "orders_metric_changes_update" AFTER UPDATE ON "orders" REFERENCING OLD TABLE AS "old_orders" NEW TABLE AS "new_orders" FOR EACH STATEMENT EXECUTE FUNCTION "metric_changes_from_orders"();--> statement-breakpoint
CREATE TRIGGER "orders_metric_changes_delete" AFTER DELETE ON "orders" REFERENCING OLD TABLE AS "old_orders" FOR EACH STATEMENT EXECUTE FUNCTION "metric_changes_from_orders"();
