import { QueryClient } from '@tanstack/react-query';

/** The most procedures one HTTP request may carry: the client's batch link splits, the server refuses above it. */
export const MAX_BATCH_SIZE = 20;

const NO_RETRY = new Set(['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_REQUEST', 'PRECONDITION_FAILED', 'CONFLICT']);

/** The react-query client of both apps: a short freshness window, and no retrying answers that will not change. */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => {
          const code = (error as { data?: { code?: string } | null }).data?.code;
          return !(code && NO_RETRY.has(code)) && failureCount < 2;
        },
      },
    },
  });
}
