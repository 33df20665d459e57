CREATE TABLE "failed_sign_ins" (
	"email_hash" text PRIMARY KEY NOT NULL,
	"attempts" integer NOT NULL,
	"window_started_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "failed_sign_ins_window_started_at_idx" ON "failed_sign_ins" USING btree ("window_started_at");