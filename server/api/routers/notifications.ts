import { ZListNotificationsSchema, ZMarkNotificationReadSchema } from "@/lib/schemas/notifications";
import {
  markAllNotificationsRead,
  markNotificationRead,
  myNotifications,
  myUnreadCount,
} from "@/server/services/notifications";
import { serviceContext } from "@/server/services/context";
import { createTRPCRouter, permissionProcedure } from "../trpc";

export const notificationsRouter = createTRPCRouter({
  list: permissionProcedure("notifications:read")
    .input(ZListNotificationsSchema)
    .query(({ ctx, input }) => myNotifications(serviceContext(ctx), input)),
  unreadCount: permissionProcedure("notifications:read").query(({ ctx }) => myUnreadCount(serviceContext(ctx))),
  markRead: permissionProcedure("notifications:read")
    .input(ZMarkNotificationReadSchema)
    .mutation(({ ctx, input }) => markNotificationRead(serviceContext(ctx), input.notificationId)),
  markAllRead: permissionProcedure("notifications:read").mutation(({ ctx }) =>
    markAllNotificationsRead(serviceContext(ctx)),
  ),
});
