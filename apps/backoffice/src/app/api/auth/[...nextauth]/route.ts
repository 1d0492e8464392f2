import { auth } from '@/auth';

export const dynamic = 'force-dynamic';

const handler = auth.handler;
export { handler as GET, handler as POST };
