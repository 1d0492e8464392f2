import { createAppAuth } from '@tobacco/server/app-auth';
import { serverEnv } from './env';

/** The portal's sign-in: retailers only, with the portal's own session cookie. */
export const auth = createAppAuth('portal', serverEnv);
