ALTER TABLE "campaigns" ADD COLUMN "scheduled_for" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "scheduled_by_id" text;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "schedule_error" text;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "run_after" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_scheduled_by_id_staff_members_id_fk" FOREIGN KEY ("scheduled_by_id") REFERENCES "public"."staff_members"("id") ON DELETE set null ON UPDATE no action;