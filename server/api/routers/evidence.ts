import { ZListEvidenceSchema } from "@/lib/schemas/evidence";
import { serviceContext } from "@/server/services/context";
import { projectEvidence } from "@/server/services/evidence";
import { createTRPCRouter, permissionProcedure } from "../trpc";

export const evidenceRouter = createTRPCRouter({
  list: permissionProcedure("delivery:read")
    .input(ZListEvidenceSchema)
    .query(({ ctx, input }) => projectEvidence(serviceContext(ctx), input.projectId, input.take)),
});
