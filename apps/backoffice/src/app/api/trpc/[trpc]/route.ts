import { backofficeRouter } from '@tobacco/api/backoffice';
import { createTrpcRouteHandler } from '@tobacco/server/trpc-route';
import { serverEnv } from '@/env';

export const dynamic = 'force-dynamic';

const handler = createTrpcRouteHandler(backofficeRouter, 'backoffice', () => serverEnv().authSecret);
export { handler as GET, handler as POST };
