import { retailerProcedure, router } from '../trpc/init';
import { ZMyScheduleInput, ZMyScheduleOutput } from './schedule.schema';
import { getMySchedule } from './schedule.service';

export const schedulePortalRouter = router({
  mine: retailerProcedure
    .input(ZMyScheduleInput)
    .output(ZMyScheduleOutput)
    .query(({ ctx, input }) => getMySchedule(ctx, input)),
});
