'use client';

import dynamic from 'next/dynamic';

// recharts loads after the page and only in the browser; the list under the chart carries the numbers.
export const ConcentrationCurve = dynamic(() => import('./charts').then((m) => m.ConcentrationCurve), {
  ssr: false,
  loading: () => <div style={{ height: 280 }} className="animate-pulse rounded-lg bg-canvas motion-reduce:animate-none" />,
});

export const DemandChart = dynamic(() => import('./charts').then((m) => m.DemandChart), {
  ssr: false,
  loading: () => <div style={{ height: 300 }} className="animate-pulse rounded-lg bg-canvas motion-reduce:animate-none" />,
});
