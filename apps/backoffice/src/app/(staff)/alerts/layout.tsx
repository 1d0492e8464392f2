import type { ReactNode } from 'react';
import { ClientMessages } from '@tobacco/ui/client-messages';

// The alert queue's client islands (triage) translate these too.
export default function AlertsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages prefixes={['alerts.']}>{children}</ClientMessages>;
}
