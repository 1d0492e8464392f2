import type { ReactNode } from 'react';
import { ClientMessages } from '@tobacco/ui/client-messages';

// The promotions area's client islands (editor, reach preview, decisions) translate these messages too.
export default function PromotionsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages prefixes={['promotions.staff.']}>{children}</ClientMessages>;
}
