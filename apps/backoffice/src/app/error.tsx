'use client';

import { RouteError } from '@tobacco/ui/route-error';
import { Main } from '@tobacco/ui/shell';

// Pages outside the signed-in layout (sign-in, password change) have no <main> of their own around this.
export default function RootError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Main className="mx-auto flex w-full max-w-3xl flex-col gap-4 px-4 py-10">
      <RouteError {...props} />
    </Main>
  );
}
