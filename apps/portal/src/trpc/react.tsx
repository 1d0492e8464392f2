'use client';

import { QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { useState, type ReactNode } from 'react';
import superjson from 'superjson';
import type { PortalRouter } from '@tobacco/api/portal';
import { makeQueryClient, MAX_BATCH_SIZE } from '@tobacco/ui/lib/query-client';

export const { TRPCProvider, useTRPC } = createTRPCContext<PortalRouter>();

/**
 * tRPC over react-query for client components: `const trpc = useTRPC(); useQuery(trpc.x.y.queryOptions())`.
 * Mount it in the page or layout that has such components, not around the whole portal: react-query and the
 * tRPC client are about 20 KB of JavaScript that server-rendered pages (the home page) do not need on a phone.
 */
export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() =>
    createTRPCClient<PortalRouter>({ links: [httpBatchLink({ url: '/api/trpc', transformer: superjson, maxItems: MAX_BATCH_SIZE })] }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
