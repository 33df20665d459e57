-- The last run's models are kept in metric_basis (what the view customer_metrics reads) and in the run's summary
-- (shop_settings); this third copy had no reader.
DROP TABLE "metric_models";
