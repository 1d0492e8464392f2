'use client';

import { GlobalErrorPage } from '@tobacco/ui/global-error-page';

export default function GlobalError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <GlobalErrorPage {...props} />;
}
