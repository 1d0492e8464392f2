import type { ReactNode } from 'react';
import { ClientMessages } from '@tobacco/ui/client-messages';

// The allocation area's client islands (grid, approvals, adjustments) translate these too; a draft's file
// import brings its own messages (imports/_components/upload-panel.tsx).
export default function AllocationLayout({ children }: { children: ReactNode }) {
  return <ClientMessages prefixes={['allocation.staff.']}>{children}</ClientMessages>;
}
