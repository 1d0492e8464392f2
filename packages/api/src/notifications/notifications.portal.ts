import { retailerProcedure, router } from '../trpc/init';
import { ZInboxInput, ZNotificationIdInput } from './notifications.schema';
import { countMyUnread, listMyNotifications, markAllNotificationsRead, markNotificationRead } from './notifications.service';

export const notificationsPortalRouter = router({
  list: retailerProcedure.input(ZInboxInput).query(({ ctx, input }) => listMyNotifications(ctx, input)),
  unreadCount: retailerProcedure.query(({ ctx }) => countMyUnread(ctx)),
  markRead: retailerProcedure.input(ZNotificationIdInput).mutation(({ ctx, input }) => markNotificationRead(ctx, input)),
  markAllRead: retailerProcedure.mutation(({ ctx }) => markAllNotificationsRead(ctx)),
});
