import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type Outputs = inferRouterOutputs<AppRouter>;
export type IntakeForm = Outputs["intake"]["form"];
export type IntakeResult = Outputs["intake"]["result"];
