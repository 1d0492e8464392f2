import { retailerProcedure } from '../trpc/init';
import { getHome } from './home.service';

/** The portal's home page in one round trip: `portal.home`. */
export const homeProcedure = retailerProcedure.query(({ ctx }) => getHome(ctx));
