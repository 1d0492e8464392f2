'use client';

import dynamic from 'next/dynamic';

// recharts loads after the page and only in the browser; the tables of the cards carry the numbers.
const placeholder = () => <div style={{ height: 240 }} className="animate-pulse rounded-lg bg-canvas motion-reduce:animate-none" />;
export const TrendChart = dynamic(() => import('./charts').then((m) => m.TrendChart), { ssr: false, loading: placeholder });
