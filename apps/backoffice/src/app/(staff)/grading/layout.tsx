import type { ReactNode } from 'react';
import { ClientMessages } from '@tobacco/ui/client-messages';

// The grading area's client islands (start, publish, decide, integrity edit, chart) translate these too.
export default function GradingLayout({ children }: { children: ReactNode }) {
  return <ClientMessages prefixes={['grading.']}>{children}</ClientMessages>;
}
