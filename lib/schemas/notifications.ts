import { z } from "zod";
import { ZIdSchema } from "./common";

export const ZListNotificationsSchema = z.object({
  unreadOnly: z.boolean().default(false),
  take: z.number().int().min(1).max(50).default(20),
});
export const ZMarkNotificationReadSchema = z.object({ notificationId: ZIdSchema });
