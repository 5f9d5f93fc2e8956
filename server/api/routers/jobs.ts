import { ZListJobRunsSchema, ZRunJobSchema } from "@/lib/schemas/jobs";
import { serviceContext } from "@/server/services/context";
import { jobsOverview, runJobNow } from "@/server/services/jobs";
import { createTRPCRouter, permissionProcedure } from "../trpc";

/** Scheduled jobs: runs (this tenant's share) and "run now" for this tenant. Admin only. */
export const jobsRouter = createTRPCRouter({
  list: permissionProcedure("jobs:manage")
    .input(ZListJobRunsSchema)
    .query(({ ctx, input }) => jobsOverview(serviceContext(ctx), input)),
  runNow: permissionProcedure("jobs:manage")
    .input(ZRunJobSchema)
    .mutation(({ ctx, input }) => runJobNow(serviceContext(ctx), input.job)),
});
