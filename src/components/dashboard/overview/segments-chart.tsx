'use client';

import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

import { ChartCard } from './chart-card';
import { formatCount, formatShare } from './overview-format';

// Colour says what to do about a segment: keep (green), grow (indigo), win back (amber), let go (slate).
const SEGMENT_COLOURS: Record<string, string> = {
  Champions: '#059669',
  Loyal: '#10b981',
  'Potential loyalists': '#6366f1',
  New: '#818cf8',
  Promising: '#a5b4fc',
  'Need attention': '#f59e0b',
  'About to sleep': '#fbbf24',
  'At risk': '#dc2626',
  "Can't lose them": '#b91c1c',
  Hibernating: '#94a3b8',
  Lost: '#64748b',
};

/** Customers with orders per RFM segment, largest first, with the date the metrics describe in the note. */
export function SegmentsChart({ segments, note }: { segments: { segment: string; count: number }[]; note: React.ReactNode }) {
  const total = segments.reduce((sum, s) => sum + s.count, 0);
  const largest = segments[0];
  const summary = largest
    ? `Largest segment: ${largest.segment}, ${formatCount(largest.count)} of ${formatCount(total)} customers with orders (${formatShare(largest.count, total)}).`
    : 'No customer has orders yet, so no one has a segment.';
  return (
    <ChartCard
      title="RFM segments"
      note={note}
      summary={summary}
      table={{ columns: ['Segment', 'Customers', 'Share'], rows: segments.map((s) => [s.segment, formatCount(s.count), formatShare(s.count, total)]) }}
    >
      <div style={{ height: Math.max(120, segments.length * 30 + 28) }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart accessibilityLayer={false} data={segments} layout="vertical" margin={{ top: 0, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid horizontal={false} stroke="#e2e8f0" />
            <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11, fill: '#475569' }} tickLine={false} axisLine={false} tickFormatter={(value: number) => formatCount(value)} />
            <YAxis type="category" dataKey="segment" width={124} interval={0} tick={{ fontSize: 12, fill: '#334155' }} tickLine={false} axisLine={false} />
            <Tooltip cursor={{ fill: '#f1f5f9' }} formatter={(value) => [formatCount(Number(value)), 'Customers']} />
            <Bar dataKey="count" radius={[0, 3, 3, 0]} barSize={18} isAnimationActive={false}>
              {segments.map((s) => (
                <Cell key={s.segment} fill={SEGMENT_COLOURS[s.segment] ?? '#6366f1'} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </ChartCard>
  );
}
