'use client';

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

// The shop's twelve months of volume, loaded lazily in the browser only (lazy-trend-chart.tsx); the table
// under it carries the same numbers for screen readers and keyboards: the chart is hidden from them.
const BRAND = '#0a4478';

export type TrendPoint = { month: string; quantityTiao: number };

export function TrendChart({ data, quantityLabel }: { data: TrendPoint[]; quantityLabel: string }) {
  return (
    <ResponsiveContainer width="100%" height={260}>
      <BarChart data={data} margin={{ left: 8, right: 16, top: 16 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="month" tickFormatter={(m: string) => m.slice(2)} />
        <YAxis allowDecimals={false} />
        <Tooltip formatter={(value) => [String(value), quantityLabel]} />
        <Bar dataKey="quantityTiao" fill={BRAND} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
