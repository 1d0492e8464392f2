import { requirePermission, router } from '../trpc/init';
import { ZListRankingsInput } from './rankings.schema';
import { listRankings, rankingFilterOptions } from './rankings.service';

export const rankingsBackofficeRouter = router({
  list: requirePermission('rankings.read')
    .input(ZListRankingsInput)
    .query(({ ctx, input }) => listRankings(ctx, input)),
  filterOptions: requirePermission('rankings.read').query(({ ctx }) => rankingFilterOptions(ctx)),
});
