import { ZSetOnboardingDismissedSchema } from "@/lib/schemas/onboarding";
import { serviceContext } from "@/server/services/context";
import { onboardingChecklist, setOnboardingDismissed } from "@/server/services/onboarding";
import { createTRPCRouter, permissionProcedure } from "../trpc";

/** The new workspace's setup checklist on the admin's home (docs/onboarding.md). Admin only. */
export const onboardingRouter = createTRPCRouter({
  checklist: permissionProcedure("onboarding:manage").query(({ ctx }) => onboardingChecklist(serviceContext(ctx))),
  setDismissed: permissionProcedure("onboarding:manage")
    .input(ZSetOnboardingDismissedSchema)
    .mutation(({ ctx, input }) => setOnboardingDismissed(serviceContext(ctx), input.dismissed)),
});
