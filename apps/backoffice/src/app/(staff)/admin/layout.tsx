import type { ReactNode } from 'react';
import { ClientMessages } from '@tobacco/ui/client-messages';

/** The administration screens' client components translate its messages, which other areas' pages do not send. */
export default function AdminLayout({ children }: { children: ReactNode }) {
  return <ClientMessages prefixes={['admin.']}>{children}</ClientMessages>;
}
