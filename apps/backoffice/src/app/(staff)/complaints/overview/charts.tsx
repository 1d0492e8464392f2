'use client';

import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

// The overview's charts, loaded lazily in the browser only (lazy-charts.tsx); each sits above a table of the
// same numbers, which is what screen readers and keyboards use: the charts are hidden from them and take no focus.
const BRAND = '#0a4478';

export type CountPoint = { name: string; n: number };

export function CountBars({ data, horizontal = false }: { data: CountPoint[]; horizontal?: boolean }) {
  const height = horizontal ? Math.max(160, data.length * 36 + 40) : 260;
  return (
    <ResponsiveContainer width="100%" height={height}>
      {horizontal ? (
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 40 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="name" width={130} />
          <Tooltip />
          <Bar dataKey="n" fill={BRAND} isAnimationActive={false}>
            <LabelList dataKey="n" position="right" />
          </Bar>
        </BarChart>
      ) : (
        <BarChart data={data} margin={{ left: 8, right: 8, top: 20 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Bar dataKey="n" fill={BRAND} isAnimationActive={false}>
            <LabelList dataKey="n" position="top" />
          </Bar>
        </BarChart>
      )}
    </ResponsiveContainer>
  );
}
