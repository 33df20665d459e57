import { z } from 'zod';

import { uuidSchema } from '@/lib/validation/common';
import { METRIC_EXPLANATIONS, metricsSettingsSchema, RFM_SEGMENT_RULES, RFM_SEGMENTS } from '@/lib/validation/metrics';

// Engagement metric response shapes; each field is described with the same explanation the dashboard shows.

const timestamp = z.iso.datetime();
const explained = <S extends z.ZodType>(schema: S, key: keyof typeof METRIC_EXPLANATIONS) =>
  schema.describe(`${METRIC_EXPLANATIONS[key].label}: ${METRIC_EXPLANATIONS[key].explanation}`);
const score = z.int().min(1).max(5).nullable();
const segmentRules = RFM_SEGMENT_RULES.map((r) => `${r.segment} (R ${r.recency.join('–')}, F ${r.frequency.join('–')})`).join('; ');

export const engagementMetricsSchema = z.object({
  asOf: timestamp.describe('The moment the figures describe: orders placed after it are not counted'),
  computedAt: timestamp,
  currency: z.string().describe('ISO 4217 currency of the money fields (integer minor units)'),
  daysSinceLastOrder: explained(z.int().min(0).nullable(), 'daysSinceLastOrder'),
  daysSinceFirstOrder: explained(z.int().min(0).nullable(), 'daysSinceFirstOrder'),
  orders90d: explained(z.int().min(0), 'orders90d'),
  orders365d: explained(z.int().min(0), 'orders365d'),
  spend365d: explained(z.int(), 'spend365d'),
  averageOrderValue: explained(z.int(), 'averageOrderValue'),
  averageItemsPerOrder: explained(z.number().min(0), 'averageItemsPerOrder'),
  recencyScore: explained(score, 'recencyScore'),
  frequencyScore: explained(score, 'frequencyScore'),
  monetaryScore: explained(score, 'monetaryScore'),
  rfmSegment: z.enum(RFM_SEGMENTS).nullable().describe(`${METRIC_EXPLANATIONS.rfmSegment.explanation} Segments by scores: ${segmentRules}.`),
  spendPercentile365d: explained(z.number().min(0).max(1).nullable(), 'spendPercentile365d'),
  expectedOrders12m: explained(z.number().min(0).nullable(), 'expectedOrders12m'),
  predictedValue12m: explained(z.int().min(0).nullable(), 'predictedValue12m'),
  pAlive: z.number().min(0).max(1).nullable().describe('BG/NBD probability that the customer is still active (1 for customers with a single purchase day, as the model has it)'),
  churnRisk: explained(z.number().min(0).max(1).nullable(), 'pAlive'),
});

export const customerEngagementSchema = z.object({
  customerId: uuidSchema,
  metrics: engagementMetricsSchema.nullable().describe('Null until metrics are first computed after the customer was added (the background job runs every few minutes)'),
});

const modelParams = z.record(z.string(), z.number());

export const metricsRunSchema = z.object({
  asOf: timestamp,
  requestedAsOf: z.iso.date().nullable().describe('The as-of day asked for; null = now'),
  startedAt: timestamp,
  durationMs: z.int().min(0),
  customers: z.int().min(0).describe('Customers given metrics'),
  customersWithOrders: z.int().min(0),
  segments: z.record(z.string(), z.int()).describe('Customers per RFM segment'),
  models: z.object({
    bgNbd: modelParams.nullable().describe('BG/NBD r, alpha (weeks), a, b and log-likelihood; null when too few customers to fit'),
    gammaGamma: modelParams.nullable().describe('Gamma-Gamma p, q, gamma (minor units) and log-likelihood'),
  }),
  trigger: z.enum(['manual', 'automatic']),
  stepsMs: z.record(z.string(), z.int()).describe('Milliseconds per step of the run'),
});

export const metricsStatusSchema = z.object({
  settings: metricsSettingsSchema,
  lastRun: metricsRunSchema.nullable().describe('Null before the first run'),
});
