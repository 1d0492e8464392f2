import { createAppAuth } from '@tobacco/server/app-auth';
import { serverEnv } from './env';

/** The back office's sign-in: staff only (a retailer's credentials are unknown here), with its own session cookie. */
export const auth = createAppAuth('backoffice', serverEnv);
