import { z } from "zod";
import { ZProjectCalendarSchema, ZScheduleSessionSchema } from "@/lib/schemas/calendar";
import { ZIdSchema } from "@/lib/schemas/common";
import {
  createCalendarFeed,
  myCalendarFeed,
  projectCalendar,
  revokeCalendarFeed,
  scheduleSession,
  updateProjectCalendar,
} from "@/server/services/calendar";
import { serviceContext } from "@/server/services/context";
import { createTRPCRouter, permissionProcedure } from "../trpc";

/** Calendar invites and each person's private feed (docs/calendar.md); the workspace time zone is a workspace setting. */
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
  feed: permissionProcedure("preferences:write").query(({ ctx }) => myCalendarFeed(serviceContext(ctx))),
  createFeed: permissionProcedure("preferences:write").mutation(({ ctx }) => createCalendarFeed(serviceContext(ctx))),
  revokeFeed: permissionProcedure("preferences:write").mutation(({ ctx }) => revokeCalendarFeed(serviceContext(ctx))),
});
