import { requirePermission, router } from '../trpc/init';
import { ZCompositeInput, ZParetoInput } from './products.schema';
import { getPareto, listComposite, productFilterOptions } from './products.service';
import { ZDemandInput } from './forecast.schema';
import { getDemandForecast } from './forecast.service';

export const productsBackofficeRouter = router({
  pareto: requirePermission('products.read')
    .input(ZParetoInput)
    .query(({ ctx, input }) => getPareto(ctx, input)),
  composite: requirePermission('products.read')
    .input(ZCompositeInput)
    .query(({ ctx, input }) => listComposite(ctx, input)),
  filterOptions: requirePermission('products.read').query(({ ctx }) => productFilterOptions(ctx)),
  // 需求预测 vs 投放: the same company-wide aggregates, from the per-cycle summary.
  demand: requirePermission('products.read')
    .input(ZDemandInput)
    .query(({ ctx, input }) => getDemandForecast(ctx, input)),
});
