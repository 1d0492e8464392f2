'use client';

import { QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { useState, type ReactNode } from 'react';
import superjson from 'superjson';
import type { BackofficeRouter } from '@tobacco/api/backoffice';
import { makeQueryClient, MAX_BATCH_SIZE } from '@tobacco/ui/lib/query-client';

export const { TRPCProvider, useTRPC } = createTRPCContext<BackofficeRouter>();

/** tRPC over react-query for client components: `const trpc = useTRPC(); useQuery(trpc.x.y.queryOptions())`. */
export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() =>
    createTRPCClient<BackofficeRouter>({ links: [httpBatchLink({ url: '/api/trpc', transformer: superjson, maxItems: MAX_BATCH_SIZE })] }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
