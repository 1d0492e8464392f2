'use client';

import dynamic from 'next/dynamic';
import { useEffect, useRef, useState } from 'react';
import type { GradePoint } from './grade-chart';

function Placeholder() {
  return <div className="h-[220px] rounded-lg bg-canvas" />;
}

// recharts is loaded in the browser only, and only when the chart comes near the screen: on a phone it is
// below the fold, and the table beside it carries the same numbers, so the page is usable without it.
const GradeChart = dynamic(() => import('./grade-chart'), { ssr: false, loading: Placeholder });

export function LazyGradeChart({ data, gradeLabel, label }: { data: GradePoint[]; gradeLabel: string; label: string }) {
  const figure = useRef<HTMLElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = figure.current;
    if (!element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        setNear(true);
        observer.disconnect();
      },
      { rootMargin: '200px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <figure ref={figure} role="img" aria-label={label} className="m-0">
      {near ? <GradeChart data={data} gradeLabel={gradeLabel} /> : <Placeholder />}
    </figure>
  );
}
