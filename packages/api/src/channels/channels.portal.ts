import { retailerProcedure, router } from '../trpc/init';
import { ZChannelSettingsInput } from './channels.schema';
import { getMyChannelSettings, updateMyChannelSettings } from './channels.settings.service';

export const channelsPortalRouter = router({
  mine: retailerProcedure.query(({ ctx }) => getMyChannelSettings(ctx)),
  update: retailerProcedure.input(ZChannelSettingsInput).mutation(({ ctx, input }) => updateMyChannelSettings(ctx, input)),
});
