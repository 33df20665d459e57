CREATE TABLE "customer_tags" (
	"customer_id" uuid NOT NULL,
	"tag" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"sort_name" text NOT NULL,
	"email_key" text NOT NULL,
	"total_spend" bigint NOT NULL,
	"order_count" integer NOT NULL,
	"last_order_key" timestamp(3) with time zone NOT NULL,
	CONSTRAINT "customer_tags_customer_id_tag_pk" PRIMARY KEY("customer_id","tag")
);
--> statement-breakpoint
ALTER TABLE "customer_tags" ADD CONSTRAINT "customer_tags_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;
-- The table's sort indexes are built in 0023_customer_tags_sync, after its rows are written: one sorted build
-- each instead of a million inserts into each of six indexes.
