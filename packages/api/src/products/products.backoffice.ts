import { requirePermission, router } from '../trpc/init';
import { ZCompositeInput, ZParetoInput } from './products.schema';
import { getPareto, listComposite, productFilterOptions } from './products.service';

export const productsBackofficeRouter = router({
  pareto: requirePermission('products.read')
    .input(ZParetoInput)
    .query(({ ctx, input }) => getPareto(ctx, input)),
  composite: requirePermission('products.read')
    .input(ZCompositeInput)
    .query(({ ctx, input }) => listComposite(ctx, input)),
  filterOptions: requirePermission('products.read').query(({ ctx }) => productFilterOptions(ctx)),
});
