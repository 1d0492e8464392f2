import type { ReactNode } from 'react';
import { ClientMessages } from '@tobacco/ui/client-messages';

/** The integrations screens' client components need the ingest messages besides the app's. */
export default function IntegrationsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages prefixes={['ingest.']}>{children}</ClientMessages>;
}
