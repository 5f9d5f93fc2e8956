import { z } from "zod";
import { ZProjectCalendarSchema, ZScheduleSessionSchema, ZWorkspaceTimeZoneSchema } from "@/lib/schemas/calendar";
import { ZIdSchema } from "@/lib/schemas/common";
import {
  createCalendarFeed,
  myCalendarFeed,
  projectCalendar,
  revokeCalendarFeed,
  scheduleSession,
  updateProjectCalendar,
  updateWorkspaceTimeZone,
  workspaceTimeZone,
} from "@/server/services/calendar";
import { serviceContext } from "@/server/services/context";
import { createTRPCRouter, permissionProcedure } from "../trpc";

/** Calendar invites, the workspace time zone and each person's private feed (docs/calendar.md). */
export const calendarRouter = createTRPCRouter({
  projectMeetings: permissionProcedure("delivery:read")
    .input(z.object({ projectId: ZIdSchema }))
    .query(({ ctx, input }) => projectCalendar(serviceContext(ctx), input.projectId)),
  updateProjectMeetings: permissionProcedure("meetings:write")
    .input(ZProjectCalendarSchema)
    .mutation(({ ctx, input }) => updateProjectCalendar(serviceContext(ctx), input)),
  scheduleSession: permissionProcedure("leads:write")
    .input(ZScheduleSessionSchema)
    .mutation(({ ctx, input }) => scheduleSession(serviceContext(ctx), input)),
  timeZone: permissionProcedure("config:read").query(({ ctx }) => workspaceTimeZone(serviceContext(ctx))),
  updateTimeZone: permissionProcedure("config:write")
    .input(ZWorkspaceTimeZoneSchema)
    .mutation(({ ctx, input }) => updateWorkspaceTimeZone(serviceContext(ctx), input)),
  feed: permissionProcedure("preferences:write").query(({ ctx }) => myCalendarFeed(serviceContext(ctx))),
  createFeed: permissionProcedure("preferences:write").mutation(({ ctx }) => createCalendarFeed(serviceContext(ctx))),
  revokeFeed: permissionProcedure("preferences:write").mutation(({ ctx }) => revokeCalendarFeed(serviceContext(ctx))),
});
