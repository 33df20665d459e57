CREATE TABLE "classification_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"filter" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"suggested" integer DEFAULT 0 NOT NULL,
	"fallbacks" integer DEFAULT 0 NOT NULL,
	"cursor" uuid,
	"error" text,
	"started_by_id" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"heartbeat_at" timestamp (3) with time zone,
	"finished_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "classification_suggestions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"suggested_group_id" uuid NOT NULL,
	"current_group_id" uuid,
	"confidence" double precision NOT NULL,
	"reasons" jsonb NOT NULL,
	"source" text NOT NULL,
	"model" text,
	"fallback_reason" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"run_id" uuid,
	"decided_by_id" text,
	"decided_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "classification_suggestions_confidence" CHECK ("classification_suggestions"."confidence" >= 0 and "classification_suggestions"."confidence" <= 1)
);
--> statement-breakpoint
CREATE TABLE "customer_metrics" (
	"customer_id" uuid PRIMARY KEY NOT NULL,
	"as_of" timestamp (3) with time zone NOT NULL,
	"computed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"days_since_last_order" integer,
	"days_since_first_order" integer,
	"orders_90d" integer DEFAULT 0 NOT NULL,
	"orders_365d" integer DEFAULT 0 NOT NULL,
	"spend_365d" bigint DEFAULT 0 NOT NULL,
	"average_order_value" bigint DEFAULT 0 NOT NULL,
	"average_items_per_order" double precision DEFAULT 0 NOT NULL,
	"recency_score" smallint,
	"frequency_score" smallint,
	"monetary_score" smallint,
	"rfm_segment" text,
	"expected_orders_12m" double precision,
	"predicted_value_12m" bigint,
	"p_alive" double precision,
	"spend_percentile_365d" double precision
);
--> statement-breakpoint
CREATE TABLE "metric_models" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"as_of" timestamp (3) with time zone NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb NOT NULL,
	"customers" integer NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shop_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_by_id" text,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "classification_runs" ADD CONSTRAINT "classification_runs_started_by_id_staff_members_id_fk" FOREIGN KEY ("started_by_id") REFERENCES "public"."staff_members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classification_suggestions" ADD CONSTRAINT "classification_suggestions_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classification_suggestions" ADD CONSTRAINT "classification_suggestions_suggested_group_id_customer_groups_id_fk" FOREIGN KEY ("suggested_group_id") REFERENCES "public"."customer_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classification_suggestions" ADD CONSTRAINT "classification_suggestions_current_group_id_customer_groups_id_fk" FOREIGN KEY ("current_group_id") REFERENCES "public"."customer_groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classification_suggestions" ADD CONSTRAINT "classification_suggestions_decided_by_id_staff_members_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."staff_members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_metrics" ADD CONSTRAINT "customer_metrics_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shop_settings" ADD CONSTRAINT "shop_settings_updated_by_id_staff_members_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."staff_members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "classification_suggestions_pending_idx" ON "classification_suggestions" USING btree ("customer_id") WHERE "classification_suggestions"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "classification_suggestions_status_idx" ON "classification_suggestions" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "customer_metrics_segment_idx" ON "customer_metrics" USING btree ("rfm_segment");--> statement-breakpoint
CREATE INDEX "customer_metrics_value_idx" ON "customer_metrics" USING btree ("predicted_value_12m");--> statement-breakpoint
CREATE INDEX "customer_metrics_p_alive_idx" ON "customer_metrics" USING btree ("p_alive");