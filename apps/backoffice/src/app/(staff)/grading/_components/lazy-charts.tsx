'use client';

import dynamic from 'next/dynamic';

// recharts loads after the page and only in the browser; the tables under the charts carry the numbers.
const placeholder = () => <div style={{ height: 300 }} className="animate-pulse rounded-lg bg-canvas motion-reduce:animate-none" />;
export const ShareChart = dynamic(() => import('./charts').then((m) => m.ShareChart), { ssr: false, loading: placeholder });
export const ShareBars = dynamic(() => import('./charts').then((m) => m.ShareBars), { ssr: false, loading: placeholder });
