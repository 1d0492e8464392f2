'use client';

import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
} from 'recharts';

// The survey analytics charts. Loaded lazily (lazy-charts.tsx), in the browser only: each sits beside a
// table of the same numbers, which is what screen readers and exports use.

const BRAND = '#0a4478';
const COLORS = { promoters: '#1f7a3d', passives: '#8a8f98', detractors: '#b42318' };

/**
 * The charts' legend: the series names with colour swatches hidden from screen readers (the default
 * legend labels each swatch "<name> legend icon", in English, beside the name it already reads).
 */
function LegendList({ payload }: { payload?: readonly { value?: unknown; color?: string }[] }) {
  return (
    <ul className="flex flex-wrap justify-center gap-x-4 gap-y-1 text-sm">
      {(payload ?? []).map((entry) => (
        <li key={String(entry.value)} className="flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block size-3 rounded-sm" style={{ background: entry.color }} />
          {String(entry.value ?? '')}
        </li>
      ))}
    </ul>
  );
}

export type ScorePoint = { name: string; score: number | null };

export function ScoreBars({ data, height = 280 }: { data: ScorePoint[]; height?: number }) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data} layout="vertical" margin={{ left: 8, right: 40 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" domain={[0, 100]} />
        <YAxis type="category" dataKey="name" width={120} interval={0} />
        <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(1) : String(v))} />
        <Bar dataKey="score" fill={BRAND} isAnimationActive={false}>
          <LabelList dataKey="score" position="right" formatter={(v: unknown) => (typeof v === 'number' ? v.toFixed(1) : '')} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

export function TrendLine({
  data,
  indexLabel,
  npsLabel,
}: {
  data: { name: string; index: number | null; nps: number | null }[];
  indexLabel: string;
  npsLabel: string;
}) {
  return (
    <ResponsiveContainer width="100%" height={260}>
      <LineChart data={data} margin={{ left: 8, right: 24, top: 8 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="name" />
        <YAxis domain={[-100, 100]} />
        <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(1) : String(v))} />
        <Legend content={LegendList} />
        <Line type="monotone" dataKey="index" name={indexLabel} stroke={BRAND} strokeWidth={3} isAnimationActive={false} connectNulls />
        <Line
          type="monotone"
          dataKey="nps"
          name={npsLabel}
          stroke={COLORS.promoters}
          strokeDasharray="5 4"
          strokeWidth={2}
          isAnimationActive={false}
          connectNulls
        />
      </LineChart>
    </ResponsiveContainer>
  );
}

export function NpsBar({
  data,
  labels,
}: {
  data: { promoters: number; passives: number; detractors: number };
  labels: { promoters: string; passives: string; detractors: string };
}) {
  const row = [{ name: 'NPS', ...data }];
  return (
    <ResponsiveContainer width="100%" height={120}>
      <BarChart data={row} layout="vertical" stackOffset="expand" margin={{ left: 8, right: 8 }}>
        <XAxis type="number" hide />
        <YAxis type="category" dataKey="name" hide />
        <Tooltip />
        <Legend content={LegendList} />
        {(['detractors', 'passives', 'promoters'] as const).map((key) => (
          <Bar key={key} dataKey={key} name={labels[key]} stackId="nps" fill={COLORS[key]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

export function QuadrantScatter({
  data,
  meanImportance,
  meanSatisfaction,
  importanceLabel,
  satisfactionLabel,
}: {
  data: { name: string; importance: number; satisfaction: number; fixFirst: boolean }[];
  meanImportance: number;
  meanSatisfaction: number;
  importanceLabel: string;
  satisfactionLabel: string;
}) {
  return (
    <ResponsiveContainer width="100%" height={320}>
      <ScatterChart margin={{ left: 8, right: 24, top: 16, bottom: 16 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          type="number"
          dataKey="importance"
          name={importanceLabel}
          domain={['auto', 'auto']}
          label={{ value: importanceLabel, position: 'insideBottom', offset: -8 }}
        />
        <YAxis
          type="number"
          dataKey="satisfaction"
          name={satisfactionLabel}
          domain={[0, 100]}
          label={{ value: satisfactionLabel, angle: -90, position: 'insideLeft' }}
        />
        <ZAxis range={[120, 120]} />
        <ReferenceLine x={meanImportance} stroke="#8a8f98" strokeDasharray="4 4" />
        <ReferenceLine y={meanSatisfaction} stroke="#8a8f98" strokeDasharray="4 4" />
        <Tooltip cursor={{ strokeDasharray: '3 3' }} />
        <Scatter data={data} isAnimationActive={false}>
          {data.map((d) => (
            <Cell key={d.name} fill={d.fixFirst ? COLORS.detractors : BRAND} />
          ))}
          <LabelList dataKey="name" position="top" />
        </Scatter>
      </ScatterChart>
    </ResponsiveContainer>
  );
}
