import { portalRouter } from '@tobacco/api/portal';
import { createTrpcRouteHandler } from '@tobacco/server/trpc-route';
import { serverEnv } from '@/env';

export const dynamic = 'force-dynamic';

const handler = createTrpcRouteHandler(portalRouter, 'portal', () => serverEnv().authSecret);
export { handler as GET, handler as POST };
