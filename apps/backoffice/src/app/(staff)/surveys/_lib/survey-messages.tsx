import type { ReactNode } from 'react';
import { ClientMessages } from '@tobacco/ui/client-messages';

/** The surveys area's client islands translate the surveys messages besides the common ones: only those travel. */
export function SurveyMessages({ children }: { children: ReactNode }) {
  return <ClientMessages prefixes={['surveys.']}>{children}</ClientMessages>;
}
