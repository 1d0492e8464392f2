import type { ReactNode } from 'react';
import { ClientMessages } from '@tobacco/ui/client-messages';

// The visit workbench's client islands (plan, visit log, change request) translate these too.
export default function VisitsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages prefixes={['visits.', 'retailers.changeRequest.']}>{children}</ClientMessages>;
}
