'use client';

import { Bar, BarChart, CartesianGrid, Legend, Line, ComposedChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

// The share chart, loaded lazily in the browser only (lazy-charts.tsx); the table below it carries the same
// numbers for screen readers and keyboards, so the chart is hidden from them.
export type SharePoint = { grade: number; target: number; achieved: number; previous?: number };

export function ShareChart({
  data,
  labels,
}: {
  data: SharePoint[];
  labels: { target: string; achieved: string; previous?: string; grade: string; share: string };
}) {
  return (
    <div aria-hidden="true">
      <ResponsiveContainer width="100%" height={300}>
        <ComposedChart data={data} margin={{ left: 8, right: 8, top: 12 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="grade" label={{ value: labels.grade, position: 'insideBottom', offset: -2 }} />
          <YAxis label={{ value: labels.share, angle: -90, position: 'insideLeft' }} />
          <Tooltip />
          <Legend />
          <Bar dataKey="achieved" name={labels.achieved} fill="#0a4478" isAnimationActive={false} />
          <Line dataKey="target" name={labels.target} stroke="#c2410c" strokeWidth={2} dot={false} isAnimationActive={false} />
          {labels.previous ? (
            <Line dataKey="previous" name={labels.previous} stroke="#6b7280" strokeDasharray="4 4" dot={false} isAnimationActive={false} />
          ) : null}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

export function ShareBars({ data, label }: { data: { grade: number; share: number }[]; label: string }) {
  return (
    <div aria-hidden="true">
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={data} margin={{ left: 8, right: 8, top: 12 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="grade" />
          <YAxis />
          <Tooltip />
          <Bar dataKey="share" name={label} fill="#0a4478" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
