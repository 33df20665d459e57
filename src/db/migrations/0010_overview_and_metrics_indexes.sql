DROP INDEX "customer_metrics_segment_idx";--> statement-breakpoint
DROP INDEX "customer_metrics_value_idx";--> statement-breakpoint
DROP INDEX "customer_metrics_p_alive_idx";--> statement-breakpoint
CREATE INDEX "customers_first_seen_idx" ON "customers" USING btree (least("created_at", "first_order_date"));--> statement-breakpoint
-- Room on each page for a recompute to rewrite every row in place (HOT updates; see src/db/schema/engagement.ts).
ALTER TABLE "customer_metrics" SET (fillfactor = 50);
