import { retailerProcedure, router } from '../trpc/init';
import {
  ZInboxInput,
  ZInboxOutput,
  ZMarkAllReadOutput,
  ZMarkReadOutput,
  ZNotificationIdInput,
  ZUnreadCountOutput,
} from './notifications.schema';
import { countMyUnread, listMyNotifications, markAllNotificationsRead, markNotificationRead } from './notifications.service';

export const notificationsPortalRouter = router({
  list: retailerProcedure
    .input(ZInboxInput)
    .output(ZInboxOutput)
    .query(({ ctx, input }) => listMyNotifications(ctx, input)),
  unreadCount: retailerProcedure.output(ZUnreadCountOutput).query(({ ctx }) => countMyUnread(ctx)),
  markRead: retailerProcedure
    .input(ZNotificationIdInput)
    .output(ZMarkReadOutput)
    .mutation(({ ctx, input }) => markNotificationRead(ctx, input)),
  markAllRead: retailerProcedure.output(ZMarkAllReadOutput).mutation(({ ctx }) => markAllNotificationsRead(ctx)),
});
