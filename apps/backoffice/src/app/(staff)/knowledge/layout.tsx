import type { ReactNode } from 'react';
import { ClientMessages } from '@tobacco/ui/client-messages';

// The knowledge base's client islands (the editor, publish and retire) translate these messages; the editor's
// rich-text box is the promotions' one, with its toolbar labels.
export default function KnowledgeLayout({ children }: { children: ReactNode }) {
  return <ClientMessages prefixes={['knowledge.', 'promotions.staff.editor.']}>{children}</ClientMessages>;
}
