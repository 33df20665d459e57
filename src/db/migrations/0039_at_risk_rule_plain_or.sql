-- The at-risk rule as a plain OR, null where a customer has no scores: the overview's list filters by it, and only
-- from a plain OR can the planner take "rfm_segment in (...) or monetary_score >= 4" down to the metrics rows and work
-- out P(alive) for those alone, as it did when the list spelt the rule itself (inside coalesce, it worked P(alive) out
-- for every customer it walked). The rollups want true or false, so their one caller takes null as false.
CREATE OR REPLACE FUNCTION "rollup_metric_is_at_risk"(rfm_segment text, p_alive double precision, monetary_score smallint) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT rfm_segment IN ('At risk', 'Can''t lose them') OR (p_alive <= 0.5 AND monetary_score >= 4)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "metric_row_is_at_risk"(m customer_metric_rows, basis metric_basis) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(rollup_metric_is_at_risk(m.rfm_segment,
    metric_p_alive(m.repeat_days, m.repeat_span_days, basis.as_of_day - m.first_order_on, basis.r, basis.alpha, basis.a, basis.b), m.monetary_score), false)
$$;
