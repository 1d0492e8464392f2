import type { ReactNode } from 'react';
import { ClientMessages } from '@tobacco/ui/client-messages';
import { IMPORT_CLIENT_MESSAGES } from './_components/labels';

// The import screens' client islands (upload, progress, confirm and discard) translate these too.
export default function ImportsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages prefixes={IMPORT_CLIENT_MESSAGES}>{children}</ClientMessages>;
}
