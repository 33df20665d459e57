CREATE TABLE "import_file_chunks" (
	"file_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "import_file_chunks_file_id_seq_pk" PRIMARY KEY("file_id","seq")
);
--> statement-breakpoint
CREATE TABLE "import_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"byte_size" bigint DEFAULT 0 NOT NULL,
	"chunk_count" integer DEFAULT 0 NOT NULL,
	"line_count" integer DEFAULT 0 NOT NULL,
	"sha256" text,
	"created_by_id" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_duplicate_dismissals" (
	"customer_a_id" uuid NOT NULL,
	"customer_b_id" uuid NOT NULL,
	"dismissed_by_id" text,
	"dismissed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_duplicate_dismissals_customer_a_id_customer_b_id_pk" PRIMARY KEY("customer_a_id","customer_b_id"),
	CONSTRAINT "customer_duplicate_dismissals_ordered" CHECK ("customer_duplicate_dismissals"."customer_a_id" < "customer_duplicate_dismissals"."customer_b_id")
);
--> statement-breakpoint
CREATE TABLE "customer_merges" (
	"source_id" uuid PRIMARY KEY NOT NULL,
	"target_id" uuid NOT NULL,
	"merged_by_type" text NOT NULL,
	"merged_by_id" text,
	"merged_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customer_addresses" ADD COLUMN "postal_key" text GENERATED ALWAYS AS (nullif(lower(regexp_replace(postal_code, '[^[:alnum:]]+', '', 'g')), '')) STORED;--> statement-breakpoint
ALTER TABLE "customer_addresses" ADD COLUMN "line1_key" text GENERATED ALWAYS AS (nullif(lower(regexp_replace(line1, '[^[:alnum:]]+', '', 'g')), '')) STORED;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "email_canonical" text GENERATED ALWAYS AS (case when split_part(email, '@', 2) in ('gmail.com', 'googlemail.com') then replace(split_part(split_part(email, '@', 1), '+', 1), '.', '') || '@' || 'gmail.com' when split_part(email, '@', 2) in ('outlook.com', 'hotmail.com', 'live.com', 'msn.com') then split_part(split_part(email, '@', 1), '+', 1) || '@' || 'outlook.com' when split_part(email, '@', 2) in ('icloud.com', 'me.com', 'mac.com') then split_part(split_part(email, '@', 1), '+', 1) || '@' || 'icloud.com' when split_part(email, '@', 2) in ('fastmail.com', 'fastmail.fm') then split_part(split_part(email, '@', 1), '+', 1) || '@' || 'fastmail.com' when split_part(email, '@', 2) in ('proton.me', 'protonmail.com', 'pm.me') then split_part(split_part(email, '@', 1), '+', 1) || '@' || 'proton.me' else email end) STORED;--> statement-breakpoint
ALTER TABLE "import_file_chunks" ADD CONSTRAINT "import_file_chunks_file_id_import_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."import_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_duplicate_dismissals" ADD CONSTRAINT "customer_duplicate_dismissals_customer_a_id_customers_id_fk" FOREIGN KEY ("customer_a_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_duplicate_dismissals" ADD CONSTRAINT "customer_duplicate_dismissals_customer_b_id_customers_id_fk" FOREIGN KEY ("customer_b_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_duplicate_dismissals" ADD CONSTRAINT "customer_duplicate_dismissals_dismissed_by_id_staff_members_id_fk" FOREIGN KEY ("dismissed_by_id") REFERENCES "public"."staff_members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_files_created_at_idx" ON "import_files" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "customer_duplicate_dismissals_b_idx" ON "customer_duplicate_dismissals" USING btree ("customer_b_id");--> statement-breakpoint
CREATE INDEX "customer_merges_target_idx" ON "customer_merges" USING btree ("target_id");--> statement-breakpoint
CREATE INDEX "customer_addresses_postal_key_idx" ON "customer_addresses" USING btree ("country_code","postal_key","customer_id") WHERE "customer_addresses"."postal_key" is not null;--> statement-breakpoint
CREATE INDEX "customer_addresses_line1_key_idx" ON "customer_addresses" USING btree ("country_code","line1_key","customer_id") WHERE "customer_addresses"."line1_key" is not null;--> statement-breakpoint
CREATE INDEX "customers_erased_idx" ON "customers" USING btree ("erased_at","id") WHERE "customers"."erased_at" is not null;--> statement-breakpoint
CREATE INDEX "customers_email_canonical_idx" ON "customers" USING btree ("email_canonical","id") WHERE "customers"."email_canonical" is not null and "customers"."erased_at" is null;--> statement-breakpoint
CREATE INDEX "customers_phone_idx" ON "customers" USING btree ("phone","id") WHERE "customers"."phone" is not null and "customers"."erased_at" is null;--> statement-breakpoint
CREATE INDEX "campaign_deliveries_customer_idx" ON "campaign_deliveries" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "discount_redemptions_customer_idx" ON "discount_redemptions" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "classification_suggestions_customer_idx" ON "classification_suggestions" USING btree ("customer_id","created_at");