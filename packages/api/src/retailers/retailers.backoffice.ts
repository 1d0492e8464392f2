import { requirePermission, router } from '../trpc/init';
import { ZListRetailersInput } from './retailers.schema';
import { listRetailerFilterOptions, listRetailers } from './retailers.service';

export const retailersBackofficeRouter = router({
  list: requirePermission('retailers.read').input(ZListRetailersInput).query(({ ctx, input }) => listRetailers(ctx, input)),
  filterOptions: requirePermission('retailers.read').query(({ ctx }) => listRetailerFilterOptions(ctx)),
});
