'use client';

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export type GradePoint = { period: string; grade: number };

/** recharts lives only in this file, which the grade page loads lazily: no other page ships it. */
export default function GradeChart({ data, gradeLabel }: { data: GradePoint[]; gradeLabel: string }) {
  return (
    <ResponsiveContainer width="100%" height={220}>
      <LineChart data={data} margin={{ top: 8, right: 12, bottom: 4, left: -16 }}>
        <CartesianGrid stroke="#d0d5dd" strokeDasharray="3 3" />
        <XAxis dataKey="period" tick={{ fontSize: 14, fill: '#344054' }} />
        <YAxis domain={[1, 30]} allowDecimals={false} tick={{ fontSize: 14, fill: '#344054' }} />
        <Tooltip formatter={(value) => [value, gradeLabel]} />
        <Line type="monotone" dataKey="grade" name={gradeLabel} stroke="#0a4478" strokeWidth={3} dot={{ r: 5 }} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
