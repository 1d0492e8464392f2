'use client';

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

// The dashboard's charts, loaded lazily in the browser only (lazy-charts.tsx). Each card has a table with the
// same numbers for screen readers and keyboards, so the chart (legend included) is hidden from them.
export type Series = { key: string; name: string; color: string };
export type ChartRow = { label: string } & Record<string, number | string | null>;

export function TrendChart({
  kind,
  data,
  series,
  stacked = false,
  yMax,
}: {
  kind: 'line' | 'bar';
  data: ChartRow[];
  series: Series[];
  stacked?: boolean;
  yMax?: number;
}) {
  const yAxis = <YAxis width={56} domain={yMax === undefined ? [0, 'auto'] : [0, yMax]} allowDecimals={false} />;
  return (
    <div aria-hidden="true">
      <ResponsiveContainer width="100%" height={240}>
        {kind === 'line' ? (
          <LineChart data={data} margin={{ left: 0, right: 12, top: 12 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} />
            {yAxis}
            <Tooltip />
            <Legend />
            {series.map((s) => (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.name}
                stroke={s.color}
                strokeWidth={2}
                connectNulls={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        ) : (
          <BarChart data={data} margin={{ left: 0, right: 12, top: 12 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} />
            {yAxis}
            <Tooltip />
            <Legend />
            {series.map((s) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.name}
                fill={s.color}
                stackId={stacked ? 'all' : undefined}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}
