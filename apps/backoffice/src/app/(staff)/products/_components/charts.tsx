'use client';

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

// The 80/20 concentration curve, loaded lazily in the browser only (lazy-charts.tsx); the list under it carries
// the same numbers for screen readers and keyboards: the chart is hidden from them and takes no focus.
const BRAND = '#0a4478';
const LINE = '#b45309';

export type CurvePoint = { rank: number; cumulative: number };

export function ConcentrationCurve({
  data,
  coreCount,
  lineLabel,
  cumulativeLabel,
}: {
  data: CurvePoint[];
  coreCount: number;
  lineLabel: string;
  cumulativeLabel: string;
}) {
  return (
    <ResponsiveContainer width="100%" height={280}>
      <LineChart data={data} margin={{ left: 8, right: 24, top: 16 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="rank" type="number" domain={[0, 'dataMax']} allowDecimals={false} />
        <YAxis domain={[0, 100]} unit="%" />
        <Tooltip formatter={(value) => [`${Number(value).toFixed(1)}%`, cumulativeLabel]} />
        <ReferenceLine y={80} stroke={LINE} strokeDasharray="6 4" label={{ value: lineLabel, position: 'insideBottomRight' }} />
        <ReferenceLine x={coreCount} stroke={LINE} strokeDasharray="2 4" />
        <Line type="linear" dataKey="cumulative" stroke={BRAND} strokeWidth={2} dot={false} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
