// Engagement metrics: RFM, the BG/NBD + Gamma-Gamma purchase model, the as-of setting and the background job.
export { computeAllCustomerMetrics, type ComputeMetricsOptions } from './compute';
export { getCustomerEngagement } from './customer';
export { getMetricsSettings, readLastRun, updateMetricsSettings } from './settings';
export { metricsStaleReason, recomputeMetricsIfStale, startMetricsJob } from './auto';
export { getMetricsStatus } from './status';
