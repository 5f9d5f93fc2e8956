import { createCallerFactory, createTRPCRouter } from "./trpc";
import { configRouter, feasibilityRouter, qualificationRouter, tiersRouter } from "./routers/acquisition";
import { intakeRouter } from "./routers/intake";
import { educationRouter } from "./routers/education";
import { apiKeysRouter } from "./routers/api-keys";
import { journeysRouter } from "./routers/journeys";
import { leadsRouter } from "./routers/leads";
import { notificationsRouter } from "./routers/notifications";
import { overviewRouter } from "./routers/overview";
import { portalRouter } from "./routers/portal";
import { apiTokensRouter, evidenceRouter, qualityRouter } from "./routers/quality";
import { kickoffRouter, projectsRouter } from "./routers/projects";
import { sessionRouter } from "./routers/session";
import { usersRouter } from "./routers/users";

export const appRouter = createTRPCRouter({
  session: sessionRouter,
  users: usersRouter,
  overview: overviewRouter,
  portal: portalRouter,
  notifications: notificationsRouter,
  leads: leadsRouter,
  qualification: qualificationRouter,
  feasibility: feasibilityRouter,
  tiers: tiersRouter,
  config: configRouter,
  education: educationRouter,
  projects: projectsRouter,
  kickoff: kickoffRouter,
  journeys: journeysRouter,
  apiKeys: apiKeysRouter,
  intake: intakeRouter,
  quality: qualityRouter,
  apiTokens: apiTokensRouter,
  evidence: evidenceRouter,
});

export type AppRouter = typeof appRouter;

/** Server-side caller: used by server components and by the integration tests. */
export const createCaller = createCallerFactory(appRouter);
