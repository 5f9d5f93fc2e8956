import { ZCompleteEducationSchema, ZCreateEducationPlanSchema, ZEducationPlansSchema } from "@/lib/schemas/education";
import { serviceContext } from "@/server/services/context";
import { completeEducation, createEducationPlan, educationPlans } from "@/server/services/education";
import { createTRPCRouter, permissionProcedure } from "../trpc";

export const educationRouter = createTRPCRouter({
  plans: permissionProcedure("pipeline:read")
    .input(ZEducationPlansSchema)
    .query(({ ctx, input }) => educationPlans(serviceContext(ctx), input)),
  createPlan: permissionProcedure("leads:write")
    .input(ZCreateEducationPlanSchema)
    .mutation(({ ctx, input }) => createEducationPlan(serviceContext(ctx), input)),
  complete: permissionProcedure("leads:write")
    .input(ZCompleteEducationSchema)
    .mutation(({ ctx, input }) => completeEducation(serviceContext(ctx), input.deliveryId)),
});
