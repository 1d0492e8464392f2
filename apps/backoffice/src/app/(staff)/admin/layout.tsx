import type { ReactNode } from 'react';
import { ClientMessages } from '@tobacco/ui/client-messages';
import { CLIENT_MESSAGES } from '@/client-messages';

/**
 * The administration screens' client components translate its messages, which other areas' pages do not send;
 * the part of `admin.` the root layout already sends to every page is not sent again.
 */
export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages prefixes={['admin.']} except={CLIENT_MESSAGES}>
      {children}
    </ClientMessages>
  );
}
