CREATE INDEX "customers_group_sort_name_idx" ON "customers" USING btree ("customer_group_id","sort_name","id");--> statement-breakpoint
CREATE INDEX "customers_group_email_idx" ON "customers" USING btree ("customer_group_id",coalesce("email", ''),"id");--> statement-breakpoint
CREATE INDEX "customers_group_total_spend_idx" ON "customers" USING btree ("customer_group_id","total_spend","id");--> statement-breakpoint
CREATE INDEX "customers_group_order_count_idx" ON "customers" USING btree ("customer_group_id","order_count","id");--> statement-breakpoint
CREATE INDEX "customers_group_last_order_idx" ON "customers" USING btree ("customer_group_id",coalesce("last_order_date", '-infinity'::timestamptz),"id");