import { ZTestChatChannelSchema, ZUpdateChannelPrefsSchema } from "@/lib/schemas/channel-prefs";
import { serviceContext } from "@/server/services/context";
import { myChannelPrefs, testMyChatChannel, updateMyChannelPrefs } from "@/server/services/notifications-prefs";
import { createTRPCRouter, permissionProcedure } from "../trpc";

/** Everyone's own notification channels and digest frequency. */
export const preferencesRouter = createTRPCRouter({
  channels: permissionProcedure("preferences:write").query(({ ctx }) => myChannelPrefs(serviceContext(ctx))),
  updateChannels: permissionProcedure("preferences:write")
    .input(ZUpdateChannelPrefsSchema)
    .mutation(({ ctx, input }) => updateMyChannelPrefs(serviceContext(ctx), input)),
  testChat: permissionProcedure("preferences:write")
    .input(ZTestChatChannelSchema)
    .mutation(({ ctx, input }) => testMyChatChannel(serviceContext(ctx), input.channel)),
});
