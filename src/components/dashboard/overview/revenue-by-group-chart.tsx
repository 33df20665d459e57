'use client';

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

import { formatMoney } from '@/lib/format';

import { ChartCard } from './chart-card';
import { formatCount, formatShare } from './overview-format';

/** All-time net spend per customer group (largest first), `revenue` in minor units of `currency`. */
export function RevenueByGroupChart({ groups, currency }: { groups: { name: string; revenue: number; customers: number }[]; currency: string }) {
  const total = groups.reduce((sum, g) => sum + g.revenue, 0);
  const top = groups[0];
  const summary =
    total === 0 || !top
      ? 'No revenue yet: no customer has a completed order.'
      : `${top.name} brought ${formatShare(top.revenue, total)} of all revenue (${formatMoney(top.revenue, currency)} of ${formatMoney(total, currency)}).`;
  return (
    <ChartCard
      title="Revenue by group"
      note="All time, completed orders less refunds, by the customer's current group"
      summary={summary}
      table={{
        columns: ['Group', 'Revenue', 'Share', 'Customers'],
        rows: groups.map((g) => [g.name, formatMoney(g.revenue, currency), formatShare(g.revenue, total), formatCount(g.customers)]),
      }}
    >
      <div style={{ height: Math.max(120, groups.length * 44 + 28) }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart accessibilityLayer={false} data={groups} layout="vertical" margin={{ top: 0, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid horizontal={false} stroke="#e2e8f0" />
            <XAxis type="number" tick={{ fontSize: 11, fill: '#475569' }} tickLine={false} axisLine={false} tickFormatter={(value: number) => formatMoney(value, currency, { compact: true })} />
            <YAxis type="category" dataKey="name" width={96} tick={{ fontSize: 12, fill: '#334155' }} tickLine={false} axisLine={false} />
            <Tooltip cursor={{ fill: '#ecfdf5' }} formatter={(value) => [formatMoney(Number(value), currency), 'Revenue']} />
            <Bar dataKey="revenue" fill="#059669" radius={[0, 3, 3, 0]} barSize={22} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </ChartCard>
  );
}
