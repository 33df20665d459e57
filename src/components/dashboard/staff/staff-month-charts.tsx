'use client';

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

import { formatMoney } from '@/lib/format';
import type { StaffMonth } from '@/lib/staff-metrics-types';

import { shortMonth } from './staff-month-label';

/**
 * Customers acquired and revenue per month as two bar charts. The charts are pictures of the month table that the
 * page shows next to them, so they are hidden from screen readers, which get each chart's summary (`aria-label`).
 */
export function StaffMonthCharts({ months, currency, summaries }: { months: StaffMonth[]; currency: string; summaries: { customers: string; revenue: string } }) {
  const data = months.map((m) => ({ ...m, label: shortMonth(m.month) }));
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <figure className="rounded-lg border border-slate-200 bg-white p-4" role="img" aria-label={summaries.customers}>
        <figcaption className="mb-3 text-sm font-medium text-slate-900">Customers acquired per month</figcaption>
        <div className="h-56" aria-hidden>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart accessibilityLayer={false} data={data} margin={{ top: 4, right: 4, bottom: 0, left: -20 }}>
              <CartesianGrid vertical={false} stroke="#e2e8f0" />
              <XAxis dataKey="label" tick={{ fontSize: 11, fill: '#475569' }} tickLine={false} axisLine={false} interval="preserveStartEnd" minTickGap={8} />
              <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: '#475569' }} tickLine={false} axisLine={false} />
              <Tooltip cursor={{ fill: '#eef2ff' }} formatter={(value) => [String(value), 'Customers']} />
              <Bar dataKey="customersAcquired" fill="#4f46e5" radius={[3, 3, 0, 0]} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
      <figure className="rounded-lg border border-slate-200 bg-white p-4" role="img" aria-label={summaries.revenue}>
        <figcaption className="mb-3 text-sm font-medium text-slate-900">Revenue from these customers per month</figcaption>
        <div className="h-56" aria-hidden>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart accessibilityLayer={false} data={data} margin={{ top: 4, right: 4, bottom: 0, left: 4 }}>
              <CartesianGrid vertical={false} stroke="#e2e8f0" />
              <XAxis dataKey="label" tick={{ fontSize: 11, fill: '#475569' }} tickLine={false} axisLine={false} interval="preserveStartEnd" minTickGap={8} />
              <YAxis tick={{ fontSize: 11, fill: '#475569' }} tickLine={false} axisLine={false} width={56} tickFormatter={(value: number) => formatMoney(value, currency, { compact: true })} />
              <Tooltip cursor={{ fill: '#ecfdf5' }} formatter={(value) => [formatMoney(Number(value), currency), 'Revenue']} />
              <Bar dataKey="revenue" fill="#059669" radius={[3, 3, 0, 0]} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
    </div>
  );
}
