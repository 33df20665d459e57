import { z } from 'zod';

import { moneyMinorSchema } from '@/lib/validation/common';

// Staff performance response shapes; the staff route test checks the answers against them.

const day = z.iso.date();
const count = z.int().min(0);
const role = z.enum(['owner', 'admin', 'staff']);
const period = z.object({ from: day.describe('First day (UTC), included'), to: day.describe('Last day (UTC), included') });
const currency = z.string().length(3).describe('ISO 4217 code of every amount');
const revenue = moneyMinorSchema.describe("Σ(total − refunded) of the acquired customers' completed orders placed in the period, in minor units");
const averageCustomerValue = moneyMinorSchema.nullable().describe('revenue / customersAcquired, rounded to a minor unit; null when no one was acquired');

export const staffPerformanceSchema = z.object({
  id: z.string(),
  name: z.string(),
  role,
  customersAcquired: count.describe('Customers this member created by hand in the period'),
  orderCount: count.describe('Their completed orders placed in the period, refunded or not'),
  revenue,
  averageCustomerValue,
});

export const staffPerformanceListSchema = z.object({ period, currency, data: z.array(staffPerformanceSchema) });

export const staffMetricsSchema = z.object({
  member: z.object({ id: z.string(), name: z.string(), role }),
  period,
  currency,
  totals: z.object({
    customersAcquired: count,
    customersWhoOrdered: count.describe('Acquired customers with at least one counted order in the period'),
    orderCount: count,
    revenue,
    averageCustomerValue,
  }),
  months: z
    .array(z.object({ month: z.string().regex(/^\d{4}-\d{2}$/).describe('yyyy-mm (UTC)'), customersAcquired: count, orderCount: count, revenue: moneyMinorSchema }))
    .describe('Every calendar month the period touches, oldest first; customers by the month they were created, orders by the month they were placed'),
  topCustomers: z
    .array(z.object({ id: z.uuid(), name: z.string(), email: z.string().nullable(), createdAt: z.iso.datetime(), orderCount: count, revenue: moneyMinorSchema }))
    .describe('The acquired customers who brought the most revenue in the period, best first (at most 10)'),
});
