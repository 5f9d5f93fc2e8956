import { createCallerFactory, createTRPCRouter } from "./trpc";
import { alertsRouter } from "./routers/alerts";
import { apiKeysRouter } from "./routers/api-keys";
import { apiTokensRouter } from "./routers/api-tokens";
import { auditRouter } from "./routers/audit";
import { brandingRouter } from "./routers/branding";
import { ssoRouter } from "./routers/sso";
import { configRouter } from "./routers/config";
import { calendarRouter } from "./routers/calendar";
import { dashboardRouter } from "./routers/dashboard";
import { educationRouter } from "./routers/education";
import { evidenceRouter } from "./routers/evidence";
import { feasibilityRouter } from "./routers/feasibility";
import { guaranteesRouter } from "./routers/guarantees";
import { intakeRouter } from "./routers/intake";
import { jobsRouter } from "./routers/jobs";
import { journeysRouter } from "./routers/journeys";
import { kickoffRouter } from "./routers/kickoff";
import { leadsRouter } from "./routers/leads";
import { notificationsRouter } from "./routers/notifications";
import { onboardingRouter } from "./routers/onboarding";
import { overviewRouter } from "./routers/overview";
import { portalRouter } from "./routers/portal";
import { preferencesRouter } from "./routers/preferences";
import { projectsRouter } from "./routers/projects";
import { qualificationRouter } from "./routers/qualification";
import { qualityRouter } from "./routers/quality";
import { refundsRouter } from "./routers/refunds";
import { retentionRouter } from "./routers/retention";
import { sessionRouter } from "./routers/session";
import { signoffsRouter } from "./routers/signoffs";
import { signupRouter } from "./routers/signup";
import { surveysRouter } from "./routers/surveys";
import { tiersRouter } from "./routers/tiers";
import { twoFactorRouter } from "./routers/two-factor";
import { usersRouter } from "./routers/users";
import { webhooksRouter } from "./routers/webhooks";
import { workspaceRouter } from "./routers/workspace";

export const appRouter = createTRPCRouter({
  session: sessionRouter,
  users: usersRouter,
  twoFactor: twoFactorRouter,
  overview: overviewRouter,
  dashboard: dashboardRouter,
  alerts: alertsRouter,
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
  preferences: preferencesRouter,
  webhooks: webhooksRouter,
  workspace: workspaceRouter,
  jobs: jobsRouter,
  signoffs: signoffsRouter,
  surveys: surveysRouter,
  guarantees: guaranteesRouter,
  refunds: refundsRouter,
  retention: retentionRouter,
  audit: auditRouter,
  branding: brandingRouter,
  sso: ssoRouter,
  onboarding: onboardingRouter,
  signup: signupRouter,
  calendar: calendarRouter,
});

export type AppRouter = typeof appRouter;

/** Server-side caller: used by server components and by the integration tests. */
export const createCaller = createCallerFactory(appRouter);
