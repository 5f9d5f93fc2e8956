import { z } from "zod";

/** Hide the setup checklist (true) or bring it back (false). */
export const ZSetOnboardingDismissedSchema = z.object({
  dismissed: z.boolean({ error: "Say whether to hide the checklist: true or false" }),
});
