import { router, staffProcedure } from '../trpc/init';
import { getMe } from './me.service';

export const adminBackofficeRouter = router({
  me: staffProcedure.query(({ ctx }) => getMe(ctx)),
});
