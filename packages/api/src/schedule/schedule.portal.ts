import { retailerProcedure, router } from '../trpc/init';
import { ZMyScheduleInput } from './schedule.schema';
import { getMySchedule } from './schedule.service';

export const schedulePortalRouter = router({
  mine: retailerProcedure.input(ZMyScheduleInput).query(({ ctx, input }) => getMySchedule(ctx, input)),
});
