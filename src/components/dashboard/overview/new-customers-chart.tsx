'use client';

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

import { ChartCard } from './chart-card';
import { formatCount, monthLabel } from './overview-format';

/** New customers per month over the 12 months up to the overview's date, oldest first. */
export function NewCustomersChart({ months }: { months: { month: string; count: number }[] }) {
  const data = months.map((m) => ({ ...m, label: monthLabel(m.month) }));
  const total = months.reduce((sum, m) => sum + m.count, 0);
  const busiest = months.reduce((best, m) => (m.count > best.count ? m : best), months[0]);
  const summary =
    total === 0
      ? 'No new customers in the last 12 months.'
      : `${formatCount(total)} new customer${total === 1 ? '' : 's'} in the last 12 months; the most in ${monthLabel(busiest.month, 'long')} (${formatCount(busiest.count)}).`;
  return (
    <ChartCard
      title="New customers per month"
      note="Last 12 months (the latest one so far), by the month each customer was added or first ordered, whichever came first"
      summary={summary}
      table={{ columns: ['Month', 'New customers'], rows: months.map((m) => [monthLabel(m.month, 'long'), formatCount(m.count)]) }}
    >
      <div className="h-56">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart accessibilityLayer={false} data={data} margin={{ top: 4, right: 4, bottom: 0, left: -16 }}>
            <CartesianGrid vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="label" tick={{ fontSize: 11, fill: '#475569' }} tickLine={false} axisLine={false} interval="equidistantPreserveStart" minTickGap={4} />
            <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: '#475569' }} tickLine={false} axisLine={false} tickFormatter={(value: number) => formatCount(value)} />
            <Tooltip cursor={{ fill: '#eef2ff' }} formatter={(value) => [formatCount(Number(value)), 'New customers']} />
            <Bar dataKey="count" fill="#4f46e5" radius={[3, 3, 0, 0]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </ChartCard>
  );
}
