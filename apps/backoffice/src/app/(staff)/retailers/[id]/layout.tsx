import type { ReactNode } from 'react';
import { ClientMessages } from '@tobacco/ui/client-messages';

// The 360 page's timeline renders its events in the browser, with these messages; the report page's
// commentary form its labels and errors.
export default function Retailer360Layout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages
      prefixes={['retailer360.', 'alerts.', 'complaints.kind.', 'complaints.state.', 'schedule.orders.channel.', 'report.comment.']}
    >
      {children}
    </ClientMessages>
  );
}
