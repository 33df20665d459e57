import { metricsRecomputeSchema, metricsSettingsSchema } from '@/lib/validation/metrics';

import { customerEngagementSchema, metricsRunSchema, metricsStatusSchema } from './metrics-schemas';
import { jsonBody, jsonResponse, problems, ref } from './operations';

const METRICS = ['Metrics'];

export const METRICS_TAG = { name: 'Metrics', description: 'Engagement metrics: RFM segments and the 12-month value predicted by BG/NBD and Gamma-Gamma' };
export const metricsInputSchemas = () => ({ MetricsRecompute: metricsRecomputeSchema.strict(), MetricsSettings: metricsSettingsSchema.strict() });
export const metricsOutputSchemas = () => ({ CustomerEngagement: customerEngagementSchema, MetricsRun: metricsRunSchema, MetricsStatus: metricsStatusSchema });

/** The paths of engagement metrics: a customer's figures, the last run, and recomputing. */
export function metricsPaths() {
  return {
    '/customers/{id}/metrics': {
      parameters: [ref('parameters', 'CustomerId')],
      get: {
        operationId: 'getCustomerMetrics',
        tags: METRICS,
        summary: "One customer's engagement metrics",
        description:
          'Figures as of the run\'s `asOf` (the shop setting, default now). Recomputed by a background job a few minutes after orders change, ' +
          'daily when the setting is "now", and on demand (POST /metrics/recompute). `metrics` is null until the first run after the customer was added.',
        responses: { 200: jsonResponse('The metrics (null until computed)', 'CustomerEngagement'), ...problems(404) },
      },
    },
    '/metrics': {
      get: {
        operationId: 'getMetricsStatus',
        tags: METRICS,
        summary: 'The as-of setting and the last run: when, how long, customers, segment sizes, model parameters',
        responses: { 200: jsonResponse('The status', 'MetricsStatus'), ...problems(403) },
      },
    },
    '/metrics/recompute': {
      post: {
        operationId: 'recomputeMetrics',
        tags: METRICS,
        summary: "Recompute every customer's metrics now",
        description:
          'Runs in one transaction (about 15 s per million customers on 2 cores; again the same day about 5 s, unless `readAllOrders`); waits for a run already going. `asOf` (YYYY-MM-DD) computes ' +
          'as of the end of that day (UTC) this time only; the background job returns to the shop setting at its next check. Send `{}` for the setting.',
        requestBody: jsonBody('MetricsRecompute', false),
        responses: { 200: jsonResponse('The run', 'MetricsRun'), ...problems(400, 403, 422) },
      },
    },
    '/metrics/settings': {
      put: {
        operationId: 'updateMetricsSettings',
        tags: METRICS,
        summary: "Set the shop's metrics date",
        description:
          '`asOf` (YYYY-MM-DD) makes every run compute as of the end of that day (UTC), and the dashboard overview read its 12-month ' +
          'figures as of it: for a shop that imported years of history, or to look back at a past season. `null` returns to "now". The background ' +
          'job recomputes at its next check; POST /metrics/recompute does it at once.',
        requestBody: jsonBody('MetricsSettings'),
        responses: { 200: jsonResponse('The setting', 'MetricsSettings'), ...problems(400, 403, 422) },
      },
    },
  };
}
