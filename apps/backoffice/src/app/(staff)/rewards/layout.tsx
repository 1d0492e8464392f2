import type { ReactNode } from 'react';
import { ClientMessages } from '@tobacco/ui/client-messages';

// The rewards area's client islands (rule editor, run button and progress, catalogue, fulfilment) translate these too.
export default function RewardsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages prefixes={['rewards.staff.']}>{children}</ClientMessages>;
}
