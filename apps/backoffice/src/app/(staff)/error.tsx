'use client';

import { RouteError } from '@tobacco/ui/route-error';

export default function StaffError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError {...props} />;
}
