import { z } from 'zod';

// Engagement metrics: the as-of setting, the recompute request, and the plain-language meaning of every figure,
// shared by the customer card, the settings page, the API and its OpenAPI document so that they all say the same.

/** A calendar day, YYYY-MM-DD; metrics "as of" a day count the orders placed up to the end of that day (UTC). */
export const metricsAsOfDateSchema = z.iso
  .date({ error: 'Use a date like 2024-12-31' })
  // The range checks compare YYYY-MM-DD text, so they speak only of text in that shape (zod runs them either way).
  .refine((value) => !isDayText(value) || value >= '1900-01-01', 'Use a date after 1900')
  // Figures "as of" a day to come would count no orders yet and show an empty shop.
  .refine((value) => !isDayText(value) || value <= new Date().toISOString().slice(0, 10), 'Use today or an earlier date: metrics cannot describe a day to come');

function isDayText(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/** shop_settings 'metrics.asOf': null means "as of now". */
export const metricsSettingsSchema = z.object({
  asOf: metricsAsOfDateSchema.nullable().describe('Compute metrics as of the end of this day (UTC); null = as of now'),
});
export type MetricsSettings = z.infer<typeof metricsSettingsSchema>;

/**
 * POST /metrics/recompute body and the CLI's --as-of and --read-all-orders: a one-off as-of day (without it, the shop
 * setting applies), and whether to read every order rather than carry the stored rows of customers whose orders did not
 * change.
 */
export const metricsRecomputeSchema = z.object({
  asOf: metricsAsOfDateSchema.optional().describe('Compute as of the end of this day (UTC) this time only; default: the shop setting'),
  readAllOrders: z
    .boolean({ error: 'Use true or false' })
    .optional()
    .describe(
      "Read every customer's orders again instead of carrying the stored figures of customers whose orders did not change; " +
        'for after orders were written to the database outside the app. Default false (a run reads every order at least weekly anyway).',
    ),
});
export type MetricsRecomputeInput = z.infer<typeof metricsRecomputeSchema>;

/** The end of an as-of day as a moment: orders placed up to and including this millisecond count. */
export function endOfDayUtc(day: string): Date {
  return new Date(`${day}T23:59:59.999Z`);
}

export const RFM_SEGMENTS = [
  'Champions',
  'Loyal',
  'Potential loyalists',
  'New',
  'Promising',
  'Need attention',
  'About to sleep',
  'At risk',
  "Can't lose them",
  'Hibernating',
  'Lost',
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

/**
 * The segment of each (recency, frequency) score pair, the common R×F grid of RFM practice; monetary does not move
 * a customer between segments (it is shown beside them). Read: "R 5, F 4–5 → Champions".
 */
export const RFM_SEGMENT_RULES: { segment: RfmSegment; recency: [number, number]; frequency: [number, number]; meaning: string }[] = [
  { segment: 'Champions', recency: [5, 5], frequency: [4, 5], meaning: 'Bought very recently and buy often: your best customers.' },
  { segment: 'Loyal', recency: [3, 4], frequency: [4, 5], meaning: 'Buy often and fairly recently.' },
  { segment: 'Potential loyalists', recency: [4, 5], frequency: [2, 3], meaning: 'Recent customers with a few orders who could become loyal.' },
  { segment: 'New', recency: [5, 5], frequency: [1, 1], meaning: 'Bought for the first time very recently.' },
  { segment: 'Promising', recency: [4, 4], frequency: [1, 1], meaning: 'Recent first-time buyers.' },
  { segment: 'Need attention', recency: [3, 3], frequency: [3, 3], meaning: 'Average on both recency and frequency; may slip without a nudge.' },
  { segment: 'About to sleep', recency: [3, 3], frequency: [1, 2], meaning: 'Few orders and not very recent; losing touch.' },
  { segment: 'At risk', recency: [1, 2], frequency: [3, 4], meaning: 'Bought often before, but not for a long time.' },
  { segment: "Can't lose them", recency: [1, 2], frequency: [5, 5], meaning: 'Were among the most frequent buyers and have not bought for a long time.' },
  { segment: 'Lost', recency: [1, 1], frequency: [1, 1], meaning: 'One order, long ago.' },
  { segment: 'Hibernating', recency: [1, 2], frequency: [1, 2], meaning: 'Few orders, long ago.' },
];

/** The segment of a pair of scores (first matching rule; the rules cover all 25 pairs). */
export function rfmSegmentOf(recency: number, frequency: number): RfmSegment {
  const rule = RFM_SEGMENT_RULES.find(({ recency: r, frequency: f }) => recency >= r[0] && recency <= r[1] && frequency >= f[0] && frequency <= f[1]);
  if (!rule) throw new RangeError(`No RFM segment for R${recency} F${frequency}`);
  return rule.segment;
}

export const METRIC_KEYS = [
  'daysSinceLastOrder',
  'daysSinceFirstOrder',
  'orders90d',
  'orders365d',
  'spend365d',
  'averageOrderValue',
  'averageItemsPerOrder',
  'recencyScore',
  'frequencyScore',
  'monetaryScore',
  'rfmSegment',
  'spendPercentile365d',
  'expectedOrders12m',
  'predictedValue12m',
  'pAlive',
] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

/** What each figure means for a shop owner. Orders count once completed, even if refunded later; spend is net of refunds. */
export const METRIC_EXPLANATIONS: Record<MetricKey, { label: string; explanation: string }> = {
  daysSinceLastOrder: { label: 'Days since last order', explanation: 'Whole days from the last order to the as-of moment. The longer, the more likely the customer has drifted away.' },
  daysSinceFirstOrder: { label: 'Customer for', explanation: 'Whole days since the first order: how long they have been buying from you.' },
  orders90d: { label: 'Orders in 90 days', explanation: 'Orders placed in the 90 days up to the as-of moment.' },
  orders365d: { label: 'Orders in 12 months', explanation: 'Orders placed in the 365 days up to the as-of moment.' },
  spend365d: { label: 'Spend in 12 months', explanation: 'What the customer spent in the 365 days up to the as-of moment, less refunds.' },
  averageOrderValue: { label: 'Average order value', explanation: 'Spend less refunds divided by the number of orders, over all their orders up to the as-of moment (rounded to the penny).' },
  averageItemsPerOrder: { label: 'Items per order', explanation: 'Average number of items in an order. Large baskets often mean a trade or wholesale buyer.' },
  recencyScore: { label: 'Recency score', explanation: '1–5: how recently they bought compared with your other customers (5 = the most recent fifth).' },
  frequencyScore: { label: 'Frequency score', explanation: '1–5: how many orders they placed compared with your other customers (5 = the most frequent fifth).' },
  monetaryScore: { label: 'Monetary score', explanation: '1–5: how much they spent in total compared with your other customers (5 = the top fifth).' },
  rfmSegment: { label: 'Segment', explanation: 'A plain name for the recency and frequency scores together, such as Champions or At risk, to decide who to thank, nudge or win back.' },
  spendPercentile365d: { label: 'Spend rank (12 months)', explanation: 'Where their 12-month spend ranks among customers who spent in that time: "top 2%" means only 2% spent as much or more.' },
  expectedOrders12m: {
    label: 'Expected orders (12 months)',
    explanation: 'How many orders they are likely to place in the next 12 months, from a statistical model (BG/NBD) fitted on your own order history.',
  },
  predictedValue12m: {
    label: 'Predicted 12-month value',
    explanation: 'Expected orders times the order value the model expects from them (Gamma-Gamma): a guide to what they are worth to you over the next year.',
  },
  pAlive: {
    label: 'Churn risk',
    explanation:
      'The chance they have stopped buying from you (1 − the model’s probability they are still active), judged from how their order rhythm compares with the time since. The model cannot judge this until a second purchase day.',
  },
};

/** The engagement figures of one customer, as the API returns and the card shows them. Money in minor units. */
export interface CustomerEngagementMetrics {
  asOf: string;
  computedAt: string;
  currency: string;
  daysSinceLastOrder: number | null;
  daysSinceFirstOrder: number | null;
  orders90d: number;
  orders365d: number;
  spend365d: number;
  averageOrderValue: number;
  averageItemsPerOrder: number;
  recencyScore: number | null;
  frequencyScore: number | null;
  monetaryScore: number | null;
  rfmSegment: RfmSegment | null;
  spendPercentile365d: number | null;
  expectedOrders12m: number | null;
  predictedValue12m: number | null;
  pAlive: number | null;
  /** 1 − pAlive, or null where the model cannot judge (no order, or a single purchase day). */
  churnRisk: number | null;
}

export interface CustomerEngagement {
  customerId: string;
  /** Null until the first computation after the customer was added. */
  metrics: CustomerEngagementMetrics | null;
}

/** The last computation, as the settings page, CLI and API report it. */
export interface MetricsRun {
  asOf: string;
  /** The as-of day that was asked for; null = "now". */
  requestedAsOf: string | null;
  startedAt: string;
  durationMs: number;
  customers: number;
  customersWithOrders: number;
  segments: Record<string, number>;
  models: { bgNbd: Record<string, number> | null; gammaGamma: Record<string, number> | null };
  trigger: 'manual' | 'automatic';
  /** Milliseconds per step (aggregate, fits, write, ...), for tuning. */
  stepsMs: Record<string, number>;
}
