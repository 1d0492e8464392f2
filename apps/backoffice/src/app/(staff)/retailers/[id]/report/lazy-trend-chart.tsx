'use client';

import dynamic from 'next/dynamic';

// recharts loads after the page and only in the browser; the table under the chart carries the numbers.
export const TrendChart = dynamic(() => import('./trend-chart').then((m) => m.TrendChart), {
  ssr: false,
  loading: () => <div style={{ height: 260 }} className="animate-pulse rounded-lg bg-canvas motion-reduce:animate-none" />,
});
