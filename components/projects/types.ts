import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

export type ProjectView = inferRouterOutputs<AppRouter>["projects"]["get"];
export type MilestoneView = ProjectView["milestones"][number];
