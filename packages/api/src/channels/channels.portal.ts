import { retailerProcedure, router } from '../trpc/init';
import { ZChannelSettingsInput, ZChannelSettingsOutput, ZChannelSettingsSavedOutput } from './channels.schema';
import { getMyChannelSettings, updateMyChannelSettings } from './channels.settings.service';

export const channelsPortalRouter = router({
  mine: retailerProcedure.output(ZChannelSettingsOutput).query(({ ctx }) => getMyChannelSettings(ctx)),
  update: retailerProcedure
    .input(ZChannelSettingsInput)
    .output(ZChannelSettingsSavedOutput)
    .mutation(({ ctx, input }) => updateMyChannelSettings(ctx, input)),
});
