'use client';

import dynamic from 'next/dynamic';

// recharts is loaded after the page and only in the browser; the tables beside the charts carry the numbers.
const placeholder = (height: number) =>
  function ChartPlaceholder() {
    return <div style={{ height }} className="animate-pulse rounded-lg bg-canvas motion-reduce:animate-none" />;
  };

export const ScoreBars = dynamic(() => import('./charts').then((m) => m.ScoreBars), { ssr: false, loading: placeholder(280) });
export const TrendLine = dynamic(() => import('./charts').then((m) => m.TrendLine), { ssr: false, loading: placeholder(260) });
export const NpsBar = dynamic(() => import('./charts').then((m) => m.NpsBar), { ssr: false, loading: placeholder(120) });
export const QuadrantScatter = dynamic(() => import('./charts').then((m) => m.QuadrantScatter), { ssr: false, loading: placeholder(320) });
