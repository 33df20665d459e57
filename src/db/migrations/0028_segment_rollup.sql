CREATE TABLE "rollup_metric_moments" (
	"kind" text NOT NULL,
	"moment" timestamp (3) with time zone NOT NULL,
	"customers" integer NOT NULL,
	CONSTRAINT "rollup_metric_moments_kind_moment_pk" PRIMARY KEY("kind","moment")
);
--> statement-breakpoint
CREATE TABLE "rollup_metric_segments" (
	"rfm_segment" text,
	"is_at_risk" boolean NOT NULL,
	"customers" integer NOT NULL,
	CONSTRAINT "rollup_metric_segments_key" UNIQUE NULLS NOT DISTINCT("rfm_segment","is_at_risk")
);
