import { eq, getViewSelectedFields } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { customerMetrics, customers } from '@/db/schema';
import type { Actor } from '@/lib/types';
import type { CustomerEngagement, RfmSegment } from '@/lib/validation/metrics';
import { NotFoundError } from '@/services/errors';
import { assertCan } from '@/services/permissions';
import { SHOP_CURRENCY } from '@/lib/config';

/** One customer's engagement metrics (metrics null until computed). Needs 'metrics:read'. Throws NotFoundError. */
export async function getCustomerEngagement({ actor, customerId }: { actor: Actor; customerId: string }): Promise<CustomerEngagement> {
  assertCan(actor, 'metrics:read');
  const [row] = await getDb()
    .select({ id: customers.id, metrics: getViewSelectedFields(customerMetrics) })
    .from(customers)
    .leftJoin(customerMetrics, eq(customerMetrics.customerId, customers.id))
    .where(eq(customers.id, customerId));
  if (!row) throw new NotFoundError('No customer with this id');
  const m = row.metrics;
  if (!m) return { customerId, metrics: null };
  // BG/NBD has every single-purchase-day customer alive (p = 1 exactly; with a repeat day p < 1): that is "not
  // judged yet", not "no risk".
  const isJudged = m.pAlive !== null && m.pAlive < 1;
  return {
    customerId,
    metrics: {
      asOf: m.asOf.toISOString(),
      computedAt: m.computedAt.toISOString(),
      currency: SHOP_CURRENCY,
      daysSinceLastOrder: m.daysSinceLastOrder,
      daysSinceFirstOrder: m.daysSinceFirstOrder,
      orders90d: m.orders90d,
      orders365d: m.orders365d,
      spend365d: m.spend365d,
      averageOrderValue: m.averageOrderValue,
      averageItemsPerOrder: m.averageItemsPerOrder,
      recencyScore: m.recencyScore,
      frequencyScore: m.frequencyScore,
      monetaryScore: m.monetaryScore,
      rfmSegment: m.rfmSegment as RfmSegment | null,
      spendPercentile365d: m.spendPercentile365d,
      expectedOrders12m: m.expectedOrders12m,
      predictedValue12m: m.predictedValue12m,
      pAlive: m.pAlive,
      churnRisk: isJudged ? 1 - (m.pAlive ?? 1) : null,
    },
  };
}
