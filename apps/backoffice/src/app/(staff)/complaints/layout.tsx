import type { ReactNode } from 'react';
import { ClientMessages } from '@tobacco/ui/client-messages';

// The complaints area's client islands (case actions, phone filing, charts) translate these messages.
export default function ComplaintsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages prefixes={['complaints.', 'knowledge.reply.']}>{children}</ClientMessages>;
}
