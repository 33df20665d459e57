-- An order refunded in full now counts as an order (src/services/orders/customer-stats.ts): it stays in order_count
-- and in the first/last order dates, and adds 0 to total_spend. Stats written before followed the old rule only for
-- customers with such an order, so those are set again here, by the same computation as customerStatsFromOrders
-- (the statuses of COUNTED_ORDER_STATUSES written out, as a migration must not change when the code does). This is
-- what `npm run cli -- reconcile --fix` would do for them, without a timeline entry each: the definition changed,
-- nothing was wrong. Other customers are left to reconcile.
UPDATE "customers" c
SET "total_spend" = s.total_spend,
    "order_count" = s.order_count,
    "first_order_date" = s.first_order_date,
    "last_order_date" = s.last_order_date,
    "updated_at" = now()
FROM (
  SELECT o.customer_id,
         coalesce(sum(o.total - o.refunded_total) FILTER (WHERE o.status IN ('completed', 'partially_refunded', 'refunded')), 0)::bigint AS total_spend,
         count(*) FILTER (WHERE o.status IN ('completed', 'partially_refunded', 'refunded'))::int AS order_count,
         min(o.placed_at) FILTER (WHERE o.status IN ('completed', 'partially_refunded', 'refunded')) AS first_order_date,
         max(o.placed_at) FILTER (WHERE o.status IN ('completed', 'partially_refunded', 'refunded')) AS last_order_date
  FROM "orders" o
  WHERE o.customer_id IN (SELECT customer_id FROM "orders" WHERE status = 'refunded')
  GROUP BY o.customer_id
) s
WHERE c.id = s.customer_id
  AND (c.total_spend, c.order_count, c.first_order_date, c.last_order_date)
      IS DISTINCT FROM (s.total_spend, s.order_count, s.first_order_date, s.last_order_date);
--> statement-breakpoint
-- The engagement metrics (frequency, recency, RFM, the purchase model) were computed by the old rule too. Their last
-- run's orders fingerprint is made one that never matches, so the background check recomputes them ("orders changed")
-- rather than waiting for the next order. Only where a refunded order exists, as elsewhere nothing moves.
UPDATE "shop_settings"
SET "value" = jsonb_set("value", '{fingerprint}', '"before 0013_count_refunded_orders"')
WHERE "key" = 'metrics.lastRun'
  AND EXISTS (SELECT 1 FROM "orders" WHERE status = 'refunded');
