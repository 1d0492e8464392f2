'use client';

import dynamic from 'next/dynamic';

// recharts loads after the page and only in the browser; the tables under the charts carry the numbers.
export const CountBars = dynamic(() => import('./charts').then((m) => m.CountBars), {
  ssr: false,
  loading: () => <div style={{ height: 200 }} className="animate-pulse rounded-lg bg-canvas motion-reduce:animate-none" />,
});
