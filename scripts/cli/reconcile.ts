import { formatMoney } from '@/lib/format';
import { reconcileCustomerStats, type StatDrift } from '@/services/reconcile';
import { SHOP_CURRENCY } from '@/lib/config';

import { formatTable, formatTime } from './output';
import { UsageError, type CliCommand } from './types';

const money = (minor: number) => formatMoney(minor, SHOP_CURRENCY);
const change = <T>(stored: T, actual: T, show: (value: T) => string) => (stored === actual ? show(actual) : `${show(stored)} -> ${show(actual)}`);

function driftRow({ customerId, email, stored, actual }: StatDrift): string[] {
  return [
    customerId,
    email,
    change(stored.totalSpend, actual.totalSpend, money),
    change(stored.orderCount, actual.orderCount, String),
    change(stored.firstOrderDate, actual.firstOrderDate, formatTime),
    change(stored.lastOrderDate, actual.lastOrderDate, formatTime),
  ];
}

export const reconcile: CliCommand = {
  usage: 'reconcile [--fix] [--show N]',
  summary: "Recompute every customer's total spend, order count and first/last order date from the orders; report drifts, and repair them with --fix.",
  options: { fix: { type: 'boolean' }, show: { type: 'string' } },
  async run({ values, actor, print }) {
    const fix = values.fix === true;
    const reportLimit = values.show === undefined ? 50 : Number(values.show);
    if (!Number.isInteger(reportLimit) || reportLimit < 0) throw new UsageError('--show takes a whole number of drifts to list');
    const started = performance.now();
    const report = await reconcileCustomerStats({
      actor,
      fix,
      reportLimit,
      onProgress: ({ customersChecked, driftCount }) => process.stderr.write(`\r  checked ${customersChecked.toLocaleString('en')} customers, ${driftCount} drifted`),
    });
    process.stderr.write('\n');
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (report.driftCount === 0) {
      print(`All ${report.customersChecked.toLocaleString('en')} customers' stats agree with their orders (${seconds} s).`);
      return;
    }
    formatTable(['CUSTOMER', 'EMAIL', 'TOTAL SPEND', 'ORDERS', 'FIRST ORDER', 'LAST ORDER'], report.drifts.map(driftRow)).forEach((line) => print(line));
    if (report.driftCount > report.drifts.length) print(`… and ${report.driftCount - report.drifts.length} more (--show N to list more).`);
    print();
    print(`${report.driftCount} of ${report.customersChecked.toLocaleString('en')} customers drifted (stored -> from orders), checked in ${seconds} s.`);
    if (fix) print(`Repaired ${report.fixed}; each repair is on the customer's timeline.`);
    else {
      print('Nothing changed. Run again with --fix to repair them.');
      // A drift is a finding: scripts and cron jobs can act on the exit code.
      process.exitCode = 3;
    }
  },
};
