import { retailerProcedure } from '../trpc/init';
import { ZHomeOutput } from './home.schema';
import { getHome } from './home.service';

/** The portal's home page in one round trip: `portal.home`. */
export const homeProcedure = retailerProcedure.output(ZHomeOutput).query(({ ctx }) => getHome(ctx));
