import type { MetricsRun } from '@/lib/validation/metrics';
import { computeAllCustomerMetrics } from '@/services/metrics';

import { formatTable } from './output';
import type { CliCommand } from './types';

const number = (value: number) => value.toLocaleString('en');
const params = (values: Record<string, number> | null) =>
  values
    ? Object.entries(values)
        .map(([name, value]) => `${name}=${Number(value.toPrecision(5))}`)
        .join(' ')
    : 'not fitted (too few customers with repeat purchases)';

/** The run as lines: customers, duration, segment sizes, model parameters. */
export function formatRun(run: MetricsRun): string[] {
  const total = Object.values(run.segments).reduce((sum, count) => sum + count, 0) || 1;
  return [
    `Computed metrics for ${number(run.customers)} customers (${number(run.customersWithOrders)} with orders) as of ${run.asOf} in ${(run.durationMs / 1000).toFixed(1)} s.`,
    '',
    ...formatTable(
      ['SEGMENT', 'CUSTOMERS', 'SHARE'],
      Object.entries(run.segments).map(([segment, count]) => [segment, number(count), `${((100 * count) / total).toFixed(1)}%`]),
    ),
    '',
    `BG/NBD (weeks):        ${params(run.models.bgNbd)}`,
    `Gamma-Gamma (minor):   ${params(run.models.gammaGamma)}`,
    `Steps (ms):            ${Object.entries(run.stepsMs)
      .map(([step, ms]) => `${step} ${number(ms)}`)
      .join(', ')}`,
  ];
}

export const metricsCommand: CliCommand = {
  usage: 'metrics [--as-of YYYY-MM-DD] [--read-all-orders]',
  summary:
    "Recompute every customer's engagement metrics (RFM, 12-month prediction) now, as of the shop setting or the given day; print segment sizes and model parameters. A later day than the last run reads only the orders that changed or crossed a window edge; --read-all-orders reads every order.",
  options: { 'as-of': { type: 'string' }, 'read-all-orders': { type: 'boolean' } },
  async run({ values, actor, print }) {
    const asOf = typeof values['as-of'] === 'string' ? values['as-of'] : undefined;
    const run = await computeAllCustomerMetrics({ actor, asOf, trigger: 'manual', readAllOrders: values['read-all-orders'] === true });
    if (run) formatRun(run).forEach((line) => print(line));
  },
};
