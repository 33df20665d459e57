CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"key" text,
	"status" text DEFAULT 'queued' NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"cursor" jsonb,
	"progress_done" integer DEFAULT 0 NOT NULL,
	"progress_total" integer,
	"result" jsonb,
	"error" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 5 NOT NULL,
	"lease_owner" text,
	"lease_expires_at" timestamp (3) with time zone,
	"heartbeat_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp (3) with time zone,
	"finished_at" timestamp (3) with time zone,
	CONSTRAINT "jobs_progress" CHECK ("jobs"."progress_done" >= 0 and ("jobs"."progress_total" is null or "jobs"."progress_total" >= 0)),
	CONSTRAINT "jobs_running_has_lease" CHECK ("jobs"."status" <> 'running' or ("jobs"."lease_owner" is not null and "jobs"."lease_expires_at" is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_active_key_idx" ON "jobs" USING btree ("key") WHERE "jobs"."status" in ('queued', 'running', 'paused');--> statement-breakpoint
CREATE INDEX "jobs_queued_idx" ON "jobs" USING btree ("created_at","id") WHERE "jobs"."status" = 'queued';--> statement-breakpoint
CREATE INDEX "jobs_lease_idx" ON "jobs" USING btree ("lease_expires_at") WHERE "jobs"."status" = 'running';--> statement-breakpoint
CREATE INDEX "jobs_kind_created_idx" ON "jobs" USING btree ("kind","created_at");--> statement-breakpoint
-- Campaigns left sending by the in-process sender that jobs replace: queued, so that a worker finishes them.
INSERT INTO "jobs" ("kind", "key", "payload")
SELECT 'campaign.send', 'campaign.send:' || "id", jsonb_build_object('campaignId', "id", 'actor', jsonb_build_object('type', 'system', 'id', null, 'role', 'owner', 'name', 'job runner'))
FROM "campaigns" WHERE "status" = 'sending';
