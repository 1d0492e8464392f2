'use client';

import { CartesianGrid, ComposedChart, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

// The product analysis charts (the 80/20 concentration curve, the demand forecast), loaded lazily in the browser only (lazy-charts.tsx); the list under it carries
// the same numbers for screen readers and keyboards: the chart is hidden from them and takes no focus.
const BRAND = '#0a4478';
const LINE = '#b45309';
const LIMIT = '#4b5563';

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

export type DemandPoint = { label: string; actual: number | null; backtest: number | null; forecast: number | null; limit: number | null };

/**
 * One product's orders per cycle (solid), the back-test's forecasts of the last closed cycles (dashed), the
 * forecast of the cycles ahead (dots) and the limit (steps); the table beside it carries the figures.
 */
export function DemandChart({
  data,
  labels,
}: {
  data: DemandPoint[];
  labels: { actual: string; backtest: string; forecast: string; limit: string };
}) {
  const format = (value: unknown) => (value == null ? '—' : Math.round(Number(value)).toLocaleString());
  return (
    <ResponsiveContainer width="100%" height={300}>
      <ComposedChart data={data} margin={{ left: 8, right: 24, top: 16 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" interval="preserveStartEnd" minTickGap={24} />
        <YAxis allowDecimals={false} />
        <Tooltip formatter={(value, name) => [format(value), name]} />
        <Legend />
        <Line
          name={labels.actual}
          type="linear"
          dataKey="actual"
          stroke={BRAND}
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
          connectNulls={false}
        />
        <Line
          name={labels.backtest}
          type="linear"
          dataKey="backtest"
          stroke={LINE}
          strokeWidth={2}
          strokeDasharray="6 4"
          dot={false}
          isAnimationActive={false}
        />
        <Line
          name={labels.forecast}
          type="linear"
          dataKey="forecast"
          stroke={LINE}
          strokeWidth={2}
          dot={{ r: 4 }}
          isAnimationActive={false}
        />
        <Line name={labels.limit} type="stepAfter" dataKey="limit" stroke={LIMIT} strokeWidth={1.5} dot={false} isAnimationActive={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
