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

--> statement-breakpoint
-- The at-risk rule of the overview: the same rule as isAtRisk in src/services/overview.ts (change both together).
-- A null (no segment, no scores) is not at risk, as the overview's filter reads it.
CREATE FUNCTION "rollup_metric_is_at_risk"(rfm_segment text, p_alive double precision, monetary_score smallint) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(rfm_segment IN ('At risk', 'Can''t lose them') OR (p_alive <= 0.5 AND monetary_score >= 4), false)
$$;
--> statement-breakpoint
-- Metrics rows summed per segment, at-risk, as_of and computed_at (a handful of groups per statement).
CREATE TYPE "rollup_metric_change" AS (rfm_segment text, is_at_risk boolean, as_of timestamptz, computed_at timestamptz, customers bigint);
--> statement-breakpoint
CREATE FUNCTION "rollup_apply_metric_changes"(changes rollup_metric_change[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(changes) = 0 THEN
    RETURN;
  END IF;
  INSERT INTO rollup_metric_segments AS t (rfm_segment, is_at_risk, customers)
  SELECT c.rfm_segment, c.is_at_risk, sum(c.customers) FROM unnest(changes) c GROUP BY 1, 2 HAVING sum(c.customers) <> 0 ORDER BY 1, 2
  ON CONFLICT (rfm_segment, is_at_risk) DO UPDATE SET customers = t.customers + excluded.customers;
  INSERT INTO rollup_metric_moments AS t (kind, moment, customers)
  SELECT m.kind, m.moment, sum(c.customers)
  FROM unnest(changes) c CROSS JOIN LATERAL (VALUES ('as_of', c.as_of), ('computed_at', c.computed_at)) m (kind, moment)
  GROUP BY 1, 2 HAVING sum(c.customers) <> 0 ORDER BY 1, 2
  ON CONFLICT (kind, moment) DO UPDATE SET customers = t.customers + excluded.customers;
  -- A segment or moment that no row has any more is gone: the overview's latest as_of and computed_at are the
  -- greatest moments left, and a shop whose metrics rows are all deleted has no metrics.
  DELETE FROM rollup_metric_segments WHERE customers = 0;
  DELETE FROM rollup_metric_moments WHERE customers = 0;
END $$;
--> statement-breakpoint
CREATE FUNCTION "rollup_customer_metrics_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changes rollup_metric_change[];
BEGIN
  -- Summed before anything is written: an update that moves no segment, at-risk flag or moment (the 12-month spend
  -- ranks an incremental run shifts for every spender) cancels out and writes nothing.
  IF TG_OP = 'INSERT' THEN
    changes := ARRAY(
      SELECT ROW(rfm_segment, is_at_risk, as_of, computed_at, count(*))::rollup_metric_change
      FROM (SELECT rfm_segment, rollup_metric_is_at_risk(rfm_segment, p_alive, monetary_score) AS is_at_risk, as_of, computed_at FROM new_rows) x
      GROUP BY rfm_segment, is_at_risk, as_of, computed_at);
  ELSIF TG_OP = 'DELETE' THEN
    changes := ARRAY(
      SELECT ROW(rfm_segment, is_at_risk, as_of, computed_at, -count(*))::rollup_metric_change
      FROM (SELECT rfm_segment, rollup_metric_is_at_risk(rfm_segment, p_alive, monetary_score) AS is_at_risk, as_of, computed_at FROM old_rows) x
      GROUP BY rfm_segment, is_at_risk, as_of, computed_at);
  ELSE
    changes := ARRAY(
      SELECT ROW(rfm_segment, is_at_risk, as_of, computed_at, sum(sign))::rollup_metric_change
      FROM (
        SELECT 1 AS sign, rfm_segment, rollup_metric_is_at_risk(rfm_segment, p_alive, monetary_score) AS is_at_risk, as_of, computed_at FROM new_rows
        UNION ALL
        SELECT -1, rfm_segment, rollup_metric_is_at_risk(rfm_segment, p_alive, monetary_score), as_of, computed_at FROM old_rows
      ) x
      GROUP BY rfm_segment, is_at_risk, as_of, computed_at
      HAVING sum(sign) <> 0);
  END IF;
  PERFORM rollup_apply_metric_changes(changes);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "rollup_customer_metrics_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM rollup_metric_segments;
  DELETE FROM rollup_metric_moments;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "rollup_customer_metrics_inserted" AFTER INSERT ON "customer_metrics" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_customer_metrics_changed();
--> statement-breakpoint
CREATE TRIGGER "rollup_customer_metrics_updated" AFTER UPDATE ON "customer_metrics" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_customer_metrics_changed();
--> statement-breakpoint
CREATE TRIGGER "rollup_customer_metrics_deleted" AFTER DELETE ON "customer_metrics" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_customer_metrics_changed();
--> statement-breakpoint
CREATE TRIGGER "rollup_customer_metrics_truncated" AFTER TRUNCATE ON "customer_metrics" FOR EACH STATEMENT EXECUTE FUNCTION rollup_customer_metrics_truncated();
--> statement-breakpoint
-- Recomputes both rollups from customer_metrics (the backfill below; also the repair). Writers wait until it commits.
CREATE FUNCTION "rollup_rebuild_metric_segments"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE customer_metrics IN SHARE MODE;
  DELETE FROM rollup_metric_segments;
  DELETE FROM rollup_metric_moments;
  PERFORM rollup_apply_metric_changes(ARRAY(
    SELECT ROW(rfm_segment, is_at_risk, as_of, computed_at, count(*))::rollup_metric_change
    FROM (SELECT rfm_segment, rollup_metric_is_at_risk(rfm_segment, p_alive, monetary_score) AS is_at_risk, as_of, computed_at FROM customer_metrics) x
    GROUP BY rfm_segment, is_at_risk, as_of, computed_at));
END $$;
--> statement-breakpoint
SELECT rollup_rebuild_metric_segments();
--> statement-breakpoint
ANALYZE rollup_metric_segments, rollup_metric_moments;
