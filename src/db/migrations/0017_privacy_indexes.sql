CREATE INDEX "customers_erased_idx" ON "customers" USING btree ("erased_at","id") WHERE "customers"."erased_at" is not null;--> statement-breakpoint
CREATE INDEX "campaign_deliveries_customer_idx" ON "campaign_deliveries" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "discount_redemptions_customer_idx" ON "discount_redemptions" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "classification_suggestions_customer_idx" ON "classification_suggestions" USING btree ("customer_id","created_at");