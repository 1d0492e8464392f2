'use client';

import dynamic from 'next/dynamic';
import type { GradePoint } from './grade-chart';

// Loaded after the page, in the browser only: the chart is an addition to the table beside it.
const GradeChart = dynamic(() => import('./grade-chart'), { ssr: false, loading: () => <div className="h-[220px] animate-pulse rounded-lg bg-canvas motion-reduce:animate-none" /> });

export function LazyGradeChart({ data, gradeLabel, label }: { data: GradePoint[]; gradeLabel: string; label: string }) {
  return (
    <figure role="img" aria-label={label} className="m-0">
      <GradeChart data={data} gradeLabel={gradeLabel} />
    </figure>
  );
}
