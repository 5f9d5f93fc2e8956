import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import type { SessionUser } from "@/server/auth/session-user";
import type { Role } from "@/generated/prisma/enums";
import { loadConfig } from "@/server/services/config";
import { submitAssessment } from "@/server/services/intake";
import {
  ALL_FULL_ANSWERS,
  SAMPLE_REQUEST,
  callerFor,
  createLeadFor,
  createTenantFixture,
  decidedGuaranteeFor,
  educationPlanFor,
  guaranteeProjectFor,
  proposedDelayFor,
  refundAt,
  retentionTaskFor,
  succeededGuaranteeOf,
  journeyFor,
  leadThrough,
  openSurveyFor,
  satisfactionProjectOf,
  signOffCriterionOf,
  testDb,
  type TenantFixture,
} from "../helpers/fixtures";
import { videoSessionFor } from "../helpers/calendar";
import { armTwoFactor, totpCode } from "../helpers/two-factor";
import { startOidcProvider, type TestProvider } from "../helpers/oidc-provider";
import { recordFigure } from "../security/figures";

/**
 * Every procedure of the root router must have an entry here saying which roles may call it; the
 * suite fails for a procedure without one. Each entry is exercised as every role, anonymous, an
 * admin and a customer of another tenant, and a customer of another account of the same tenant.
 *
 * `input` builds the input from the fixture of tenant A (ids of tenant A's records). `scope`
 * says how a caller outside tenant A / account A must fare when their role is allowed:
 *  - "tenant": the input names a tenant-A record → another tenant's user gets NOT_FOUND;
 *  - "account": the input names an account-A record → another account's customer gets NOT_FOUND;
 *  - "own": the procedure only reads or writes the caller's own data → allowed, sees only theirs.
 * `public: true` marks a procedure anyone may call without signing in (the self-service assessment):
 * anonymous must then succeed too, instead of getting UNAUTHORIZED.
 */
type Entry = {
  allow: readonly Role[];
  /** may be async: e.g. create a fresh record per call when the procedure changes it */
  input?: (f: TenantFixture, actor: string, user: SessionUser | null) => unknown;
  scope: "own" | "tenant" | "account";
  public?: true;
};

const STAFF = ["ADMIN", "EXECUTIVE", "CSM", "TECH_LEAD"] as const;
const EVERYONE = [...STAFF, "CUSTOMER"] as const;

export const AUTHORIZATION_MATRIX: Record<string, Entry> = {
  "session.me": { allow: EVERYONE, scope: "own" },
  "users.list": { allow: ["ADMIN"], input: () => ({ page: 1, pageSize: 10 }), scope: "own" },
  "users.accountOptions": { allow: ["ADMIN"], scope: "own" },
  "users.invite": {
    allow: ["ADMIN"],
    input: (f, actor) => ({
      email: `invitee-${actor}-${f.tag}@example.com`.toLowerCase(),
      name: "New Person",
      role: "CSM",
    }),
    scope: "own",
  },
  "users.setDisabled": {
    allow: ["ADMIN"],
    input: (f) => ({ userId: f.users.CSM.id, disabled: false }),
    scope: "tenant",
  },
  // docs/security.md#two-factor-sign-in: one's own (staff), the admin's reset, the workspace rule
  "twoFactor.mine": { allow: STAFF, scope: "own" },
  "twoFactor.start": {
    allow: STAFF,
    input: async (_f, _actor, user) => {
      if (user) await testDb().user.update({ where: { id: user.id }, data: { totpEnabledAt: null, totpSecret: null } });
      return undefined;
    },
    scope: "own",
  },
  "twoFactor.confirm": {
    allow: STAFF,
    input: async (_f, _actor, user) => ({
      code: user ? await totpCode(await armTwoFactor(user.id, "pending"), new Date()) : "123456",
    }),
    scope: "own",
  },
  "twoFactor.disable": {
    allow: STAFF,
    input: async (_f, _actor, user) => ({
      code: user ? await totpCode(await armTwoFactor(user.id, "enabled"), new Date()) : "123456",
    }),
    scope: "own",
  },
  "twoFactor.reset": {
    allow: ["ADMIN"],
    input: async (f) => {
      await armTwoFactor(f.users.CSM.id, "enabled");
      return { userId: f.users.CSM.id };
    },
    scope: "tenant",
  },
  // docs/domain.md#kpis: the executive dashboard reads the caller's own tenant only
  "dashboard.summary": { allow: ["ADMIN", "EXECUTIVE"], input: () => ({ range: { days: 90 } }), scope: "own" },
  "dashboard.kpi": {
    allow: ["ADMIN", "EXECUTIVE"],
    input: () => ({ id: "project_success_rate", range: { days: 90 } }),
    scope: "own",
  },
  "dashboard.trends": { allow: ["ADMIN", "EXECUTIVE"], input: () => ({ range: { days: 30 } }), scope: "own" },
  "overview.pipeline": { allow: ["ADMIN", "EXECUTIVE", "CSM"], scope: "own" },
  "overview.delivery": { allow: STAFF, scope: "own" },
  "portal.projects": { allow: ["CUSTOMER"], scope: "own" },
  "portal.project": { allow: ["CUSTOMER"], input: (f) => ({ projectId: f.projectA.id }), scope: "account" },
  "portal.education": { allow: ["CUSTOMER"], scope: "own" },
  "portal.completeEducation": {
    allow: ["CUSTOMER"],
    input: async (f) => ({ deliveryId: (await educationPlanFor(f)).deliveryId }),
    scope: "account",
  },
  "education.plans": {
    allow: ["ADMIN", "EXECUTIVE", "CSM"],
    input: (f) => ({ customerAccountId: f.accountA.id }),
    scope: "tenant",
  },
  "education.createPlan": {
    allow: ["ADMIN", "CSM"],
    input: async (f) => ({
      leadId: (await createLeadFor(f)).id,
      serviceType: "MVP_DEVELOPMENT",
      background: "technical",
    }),
    scope: "tenant",
  },
  "education.complete": {
    allow: ["ADMIN", "CSM"],
    input: async (f) => ({ deliveryId: (await educationPlanFor(f, "lead")).deliveryId }),
    scope: "tenant",
  },
  "projects.list": { allow: STAFF, input: () => ({}), scope: "own" },
  "projects.get": { allow: STAFF, input: (f) => ({ projectId: f.projectA.id }), scope: "tenant" },
  "projects.validateMilestone": {
    allow: ["ADMIN", "TECH_LEAD"],
    input: async (f) => {
      const week = await testDb().milestone.findFirstOrThrow({
        where: { projectId: f.projectA.id, weekNumber: 2 },
        select: { id: true, criteria: { select: { id: true } } },
      });
      // every criterion, none scored yet: a validation that leaves the week in progress
      return { milestoneId: week.id, scores: week.criteria.map((c) => ({ criterionId: c.id, score: null })) };
    },
    scope: "tenant",
  },
  "projects.updateEnvironment": {
    allow: ["ADMIN", "TECH_LEAD"],
    input: async (f) => ({
      environmentId: (
        await testDb().environment.upsert({
          where: { projectId_kind: { projectId: f.projectA.id, kind: "STAGING" } },
          create: { tenantId: f.tenant.id, projectId: f.projectA.id, kind: "STAGING" },
          update: {},
        })
      ).id,
      status: "READY",
      url: "https://staging.example.com",
    }),
    scope: "tenant",
  },
  "alerts.list": { allow: STAFF, input: () => ({ status: "all", page: 1, pageSize: 10 }), scope: "own" },
  "alerts.resolve": {
    allow: STAFF,
    // a fresh open alert per call: resolving is once only
    input: async (f) => ({
      alertId: (
        await testDb().alert.create({
          data: {
            tenantId: f.tenant.id,
            projectId: f.projectA.id,
            severity: "WARNING",
            kind: "PROJECT_OFF_TRACK",
            message: "Matrix alert",
          },
        })
      ).id,
    }),
    scope: "tenant",
  },
  "projects.updateAction": {
    allow: ["ADMIN", "CSM", "TECH_LEAD"],
    input: async (f) => ({
      actionId: (
        await testDb().actionItem.create({
          data: { tenantId: f.tenant.id, projectId: f.projectA.id, kind: "RECOVERY", title: "Matrix action" },
        })
      ).id,
      status: "DONE",
    }),
    scope: "tenant",
  },
  "kickoff.start": {
    allow: ["ADMIN", "CSM"],
    input: async (f) => ({ leadId: (await leadThrough(f, "proposal")).leadId }),
    scope: "tenant",
  },
  "journeys.start": {
    allow: ["ADMIN", "CSM"],
    input: async (f) => ({ leadId: (await leadThrough(f, "assessed")).leadId }),
    scope: "tenant",
  },
  "journeys.status": {
    allow: ["ADMIN", "EXECUTIVE", "CSM"],
    input: async (f) => ({ journeyId: await journeyFor(f) }),
    scope: "tenant",
  },
  "journeys.forLead": { allow: ["ADMIN", "EXECUTIVE", "CSM"], input: (f) => ({ leadId: f.lead.id }), scope: "tenant" },
  "journeys.list": { allow: ["ADMIN", "EXECUTIVE", "CSM"], input: () => ({}), scope: "own" },
  "apiKeys.list": { allow: ["ADMIN"], scope: "own" },
  "apiKeys.create": { allow: ["ADMIN"], input: (_f, actor) => ({ name: `Matrix ${actor}` }), scope: "own" },
  "apiKeys.revoke": {
    allow: ["ADMIN"],
    input: async (f, actor) => ({
      tokenId: (
        await testDb().apiToken.create({
          data: {
            tenantId: f.tenant.id,
            name: `Matrix key ${actor}`,
            prefix: "onw_matrix01",
            tokenHash: `matrix-key-${f.tag}-${actor}-${Math.random()}`,
            scopes: ["journeys:write"],
          },
        })
      ).id,
    }),
    scope: "tenant",
  },
  "kickoff.options": { allow: ["ADMIN", "CSM"], scope: "own" },
  "kickoff.status": { allow: ["ADMIN", "EXECUTIVE", "CSM"], input: (f) => ({ leadId: f.lead.id }), scope: "tenant" },
  "notifications.list": { allow: EVERYONE, input: () => ({}), scope: "own" },
  "notifications.unreadCount": { allow: EVERYONE, scope: "own" },
  "notifications.markAllRead": { allow: EVERYONE, scope: "own" },
  "leads.list": { allow: ["ADMIN", "EXECUTIVE", "CSM"], input: () => ({}), scope: "own" },
  "leads.get": { allow: ["ADMIN", "EXECUTIVE", "CSM"], input: (f) => ({ leadId: f.lead.id }), scope: "tenant" },
  "leads.create": {
    allow: ["ADMIN", "CSM"],
    input: (_f, actor) => ({ company: `Matrix ${actor}`, contactName: "Pat Doe", contactEmail: "pat@example.com" }),
    scope: "own",
  },
  "leads.updateStage": {
    allow: ["ADMIN", "CSM"],
    input: async (f) => ({ leadId: (await createLeadFor(f)).id, stage: "QUALIFYING" }),
    scope: "tenant",
  },
  "qualification.save": {
    allow: ["ADMIN", "CSM"],
    input: async (f) => ({ leadId: (await createLeadFor(f)).id, answers: ALL_FULL_ANSWERS, context: {} }),
    scope: "tenant",
  },
  "qualification.history": {
    allow: ["ADMIN", "EXECUTIVE", "CSM"],
    input: (f) => ({ leadId: f.lead.id }),
    scope: "tenant",
  },
  "qualification.reproduce": {
    allow: ["ADMIN", "EXECUTIVE", "CSM"],
    input: async (f) => ({ assessmentId: (await leadThrough(f, "assessed")).assessmentId }),
    scope: "tenant",
  },
  "feasibility.analyze": {
    allow: ["ADMIN", "CSM"],
    input: async (f) => ({ leadId: (await leadThrough(f, "assessed")).leadId, request: SAMPLE_REQUEST }),
    scope: "tenant",
  },
  "feasibility.latest": {
    allow: ["ADMIN", "EXECUTIVE", "CSM"],
    input: async (f) => ({ leadId: (await leadThrough(f, "analyzed")).leadId }),
    scope: "tenant",
  },
  "tiers.latest": {
    allow: ["ADMIN", "EXECUTIVE", "CSM"],
    input: async (f) => ({ leadId: (await leadThrough(f, "recommended")).leadId }),
    scope: "tenant",
  },
  "tiers.recommend": {
    allow: ["ADMIN", "CSM"],
    input: async (f) => ({ leadId: (await leadThrough(f, "analyzed")).leadId }),
    scope: "tenant",
  },
  "tiers.choose": {
    allow: ["ADMIN", "CSM"],
    input: async (f) => {
      const lead = await leadThrough(f, "recommended");
      return { leadId: lead.leadId, tierKey: lead.tierKey };
    },
    scope: "tenant",
  },
  "config.get": { allow: ["ADMIN", "EXECUTIVE", "CSM"], input: () => ({ kind: "feasibility" }), scope: "own" },
  "config.update": {
    allow: ["ADMIN"],
    // each caller edits its own tenant's current version (a stale version would be a conflict)
    input: async (f, _actor, user) => {
      const current = await loadConfig(
        {
          db: testDb(),
          tenantId: user?.tenantId ?? f.tenant.id,
          actorId: user?.id ?? "",
          ip: "",
          requestId: "",
          now: new Date(),
        },
        "education",
      );
      return { kind: "education", data: current.data, expectedVersion: current.version };
    },
    scope: "own",
  },
  "notifications.markRead": {
    allow: EVERYONE,
    // each actor marks its own notification; a user of another tenant gets tenant A's admin's id
    input: (f, actor) => ({ notificationId: f.notifications[actorUserId(f, actor) ?? f.users.ADMIN.id] ?? "missing" }),
    scope: "own",
  },
  // public (docs/domain.md#self-service-assessment): no sign-in; a submission writes only the prospect's own lead, a token reads or
  // books a call only for its own result. 9 submissions per run stay under the per-IP limit of 10.
  "intake.form": { allow: EVERYONE, public: true, input: (f) => ({ tenantSlug: f.tenant.slug }), scope: "own" },
  "intake.submit": {
    allow: EVERYONE,
    public: true,
    input: (f, actor) => intakeSubmission(f, `prospect-${actor}`),
    scope: "own",
  },
  "intake.result": {
    allow: EVERYONE,
    public: true,
    input: async (f) => ({ tenantSlug: f.tenant.slug, token: await intakeToken(f) }),
    scope: "own",
  },
  "intake.requestCall": {
    allow: EVERYONE,
    public: true,
    input: async (f) => ({ tenantSlug: f.tenant.slug, token: await intakeToken(f) }),
    scope: "own",
  },
  // docs/ci-evidence.md: quality gates and CI tokens — technical lead and admin write, CSM and executive read
  "quality.validate": {
    allow: ["ADMIN", "TECH_LEAD"],
    input: (f) => ({ projectId: f.projectA.id, type: "COMPREHENSIVE", manual: { documentationCompleteness: 95 } }),
    scope: "tenant",
  },
  "quality.history": { allow: STAFF, input: (f) => ({ projectId: f.projectA.id }), scope: "tenant" },
  "apiTokens.list": { allow: STAFF, input: (f) => ({ projectId: f.projectA.id }), scope: "tenant" },
  "apiTokens.create": {
    allow: ["ADMIN", "TECH_LEAD"],
    input: (f, actor) => ({ projectId: f.projectA.id, name: `Matrix ${actor}` }),
    scope: "tenant",
  },
  "apiTokens.revoke": {
    allow: ["ADMIN", "TECH_LEAD"],
    input: async (f, actor) => ({
      tokenId: (
        await testDb().apiToken.create({
          data: {
            tenantId: f.tenant.id,
            projectId: f.projectA.id,
            name: `Matrix ${actor}`,
            prefix: "onw_matrix00",
            tokenHash: `matrix-${f.tag}-${actor}-${Math.random()}`,
            scopes: ["evidence:write"],
          },
        })
      ).id,
    }),
    scope: "tenant",
  },
  "evidence.list": { allow: STAFF, input: (f) => ({ projectId: f.projectA.id }), scope: "tenant" },
  // docs/architecture.md#messaging: everyone's own notification preferences; webhooks and jobs for admins (a job run is scoped to the caller's tenant)
  "preferences.channels": { allow: EVERYONE, scope: "own" },
  "preferences.updateChannels": {
    allow: EVERYONE,
    input: () => ({ channels: ["email", "in_app"], digest: "daily" }),
    scope: "own",
  },
  // docs/calendar.md: project meetings for delivery staff, sessions with the education plans, the zone for admins, one's own feed
  "calendar.projectMeetings": { allow: STAFF, input: (f) => ({ projectId: f.projectA.id }), scope: "tenant" },
  "calendar.updateProjectMeetings": {
    allow: ["ADMIN", "CSM", "TECH_LEAD"],
    input: (f) => ({ projectId: f.projectA.id, reviewTime: "15:00", standupEnabled: false, standupTime: "09:30" }),
    scope: "tenant",
  },
  "calendar.scheduleSession": {
    allow: ["ADMIN", "CSM"],
    input: async (f) => ({ deliveryId: await videoSessionFor(f) }),
    scope: "tenant",
  },
  // docs/security.md#workspace-settings: the workspace's own settings (admins change them; unchanged values write nothing)
  "workspace.settings": { allow: ["ADMIN", "EXECUTIVE", "CSM"], scope: "own" },
  "workspace.updateSettings": {
    allow: ["ADMIN"],
    input: () => ({
      timeZone: "UTC",
      requireTwoFactor: false,
      staffIdleHours: 12,
      customerIdleHours: 168,
      refundsByOnePerson: false,
      chatWebhookHosts: [],
    }),
    scope: "own",
  },
  "calendar.feed": { allow: EVERYONE, scope: "own" },
  "calendar.createFeed": { allow: EVERYONE, scope: "own" },
  "calendar.revokeFeed": { allow: EVERYONE, scope: "own" },
  // sends to the caller's own Slack URL (a closed local port: the test is made and fails, the call succeeds)
  "preferences.testChat": {
    allow: EVERYONE,
    input: async (_f, _actor, user) => {
      if (user)
        await testDb().user.update({
          where: { id: user.id },
          data: { channelPrefs: { slack: true, slackWebhookUrl: "http://127.0.0.1:9/matrix-slack" } },
        });
      return { channel: "slack" };
    },
    scope: "own",
  },
  "webhooks.list": { allow: ["ADMIN"], scope: "own" },
  "webhooks.get": { allow: ["ADMIN"], input: async (f) => ({ endpointId: await matrixEndpoint(f) }), scope: "tenant" },
  "webhooks.create": {
    allow: ["ADMIN"],
    input: (_f, actor) => ({ url: `https://93.184.215.14/onward/${actor}`, events: ["alert.created"] }),
    scope: "own",
  },
  "webhooks.update": {
    allow: ["ADMIN"],
    input: async (f) => ({ endpointId: await matrixEndpoint(f), active: true }),
    scope: "tenant",
  },
  "webhooks.remove": {
    allow: ["ADMIN"],
    input: async (f) => ({ endpointId: await matrixEndpoint(f) }),
    scope: "tenant",
  },
  "webhooks.sendTest": {
    allow: ["ADMIN"],
    input: async (f) => ({ endpointId: await matrixEndpoint(f) }),
    scope: "tenant",
  },
  "webhooks.rotateSecret": {
    allow: ["ADMIN"],
    input: async (f) => ({ endpointId: await matrixEndpoint(f) }),
    scope: "tenant",
  },
  "webhooks.reenable": {
    allow: ["ADMIN"],
    input: async (f) => ({ endpointId: await matrixEndpoint(f, { active: false }) }),
    scope: "tenant",
  },
  "webhooks.deliveries": {
    allow: ["ADMIN"],
    input: async (f) => ({ endpointId: await matrixEndpoint(f) }),
    scope: "tenant",
  },
  "webhooks.redeliver": {
    allow: ["ADMIN"],
    input: async (f) => ({ deliveryId: await matrixWebhookDelivery(f) }),
    scope: "tenant",
  },
  "audit.verify": { allow: ["ADMIN"], scope: "own" },
  // portal branding and the email sender: admins of the caller's own tenant only
  "branding.get": { allow: ["ADMIN"], scope: "own" },
  "branding.update": {
    allow: ["ADMIN"],
    input: () => ({
      displayName: "Matrix Labs",
      accentColor: "#1d4ed8",
      supportEmail: "",
      fromName: "",
      fromEmail: "",
      replyTo: "",
    }),
    scope: "own",
  },
  "branding.uploadLogo": {
    allow: ["ADMIN"],
    input: () => ({
      contentType: "image/svg+xml",
      dataBase64: Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8"/></svg>',
      ).toString("base64"),
    }),
    scope: "own",
  },
  "branding.removeLogo": { allow: ["ADMIN"], scope: "own" },
  // docs/security.md#single-sign-on: the workspace's own identity provider, admins only; update reads the
  // issuer's discovery document, so a real OpenID Provider runs for this file (tests/helpers/oidc-provider.ts)
  "sso.get": { allow: ["ADMIN"], scope: "own" },
  "sso.update": {
    allow: ["ADMIN"],
    input: async (f, actor) => ({
      issuer: (await matrixOidcProvider()).issuer,
      clientId: "onward-matrix",
      clientSecret: "matrix-secret",
      domains: `${actor.toLowerCase()}-${f.tag}.matrix.test`,
      provisioning: "invite",
      defaultRole: "CSM",
      passwordSignInOff: false,
    }),
    scope: "own",
  },
  "sso.remove": { allow: ["ADMIN"], scope: "own" },
  // the setup checklist reads and hides the caller's own workspace's (docs/onboarding.md)
  "onboarding.checklist": { allow: ["ADMIN"], scope: "own" },
  "onboarding.setDismissed": { allow: ["ADMIN"], input: () => ({ dismissed: false }), scope: "own" },
  "jobs.list": { allow: ["ADMIN"], input: () => ({}), scope: "own" },
  "jobs.runNow": { allow: ["ADMIN"], input: () => ({ job: "outbox" }), scope: "own" },
  // docs/domain.md#surveys: sign-offs (an approver customer of the project's account) and surveys; staff read them
  "portal.signOffReview": {
    allow: ["CUSTOMER"],
    input: async (f) => ({ criterionId: (await signOffCriterionOf(f.projectA.id)).criterionId }),
    scope: "account",
  },
  // repeated approvals by the same approver are idempotent, so every allowed call succeeds
  "portal.signOff": {
    allow: ["CUSTOMER"],
    input: async (f) => ({ criterionId: (await signOffCriterionOf(f.projectA.id)).criterionId, decision: "APPROVED" }),
    scope: "account",
  },
  "portal.surveys": { allow: ["CUSTOMER"], scope: "own" },
  "portal.answerSurvey": {
    allow: ["CUSTOMER"],
    input: async (f) => ({ surveyId: (await openSurveyFor(f)).surveyId, score: 9 }),
    scope: "account",
  },
  "signoffs.forProject": { allow: STAFF, input: (f) => ({ projectId: f.projectA.id }), scope: "tenant" },
  "signoffs.verify": { allow: STAFF, input: (f) => ({ projectId: f.projectA.id }), scope: "tenant" },
  "surveys.forProject": { allow: STAFF, input: (f) => ({ projectId: f.projectA.id }), scope: "tenant" },
  "surveys.applyToMilestone": {
    allow: ["ADMIN", "TECH_LEAD"],
    input: async (f) => ({ projectId: await satisfactionProjectOf(f) }),
    scope: "tenant",
  },
  // public: the one-time link is the credential; each answering call gets a fresh link
  "surveys.byToken": {
    allow: EVERYONE,
    public: true,
    input: async (f) => ({ token: (await openSurveyFor(f)).token }),
    scope: "own",
  },
  "surveys.answerByToken": {
    allow: EVERYONE,
    public: true,
    input: async (f) => ({ token: (await openSurveyFor(f)).token, score: 8 }),
    scope: "own",
  },
  // docs/domain.md#guarantee: the guarantee (staff read; technical leads record delays; executives close early), refunds
  // (only executives approve or reject), retention (CSMs manage it); customers decide delays and choose a
  // remedy only for their own account's projects. Each changing call gets a fresh record.
  "guarantees.forProject": { allow: STAFF, input: (f) => ({ projectId: f.projectA.id }), scope: "tenant" },
  "guarantees.recordDelay": {
    allow: ["ADMIN", "TECH_LEAD"],
    input: (f) => ({ projectId: f.projectA.id, reason: "Waiting for the customer's test data", days: 1 }),
    scope: "tenant",
  },
  "guarantees.closeEarly": {
    allow: ["ADMIN", "EXECUTIVE"],
    input: async (f) => ({
      projectId: (await guaranteeProjectFor(f, { startDaysAgo: 20 })).projectId,
      reason: "Delivered early; the customer asked to close.",
    }),
    scope: "tenant",
  },
  "guarantees.reproduce": {
    allow: STAFF,
    input: async (f) => ({ projectId: (await succeededGuaranteeOf(f)).projectId }),
    scope: "tenant",
  },
  "refunds.list": { allow: ["ADMIN", "EXECUTIVE"], input: () => ({}), scope: "own" },
  "refunds.startReview": {
    allow: ["ADMIN", "EXECUTIVE"],
    input: async (f) => pick(await refundAt(f, "CLAIMED")),
    scope: "tenant",
  },
  "refunds.approve": {
    allow: ["EXECUTIVE"],
    input: async (f) => ({ ...pick(await refundAt(f, "UNDER_REVIEW")), reason: "Criteria clearly missed." }),
    scope: "tenant",
  },
  "refunds.reject": {
    allow: ["EXECUTIVE"],
    input: async (f) => ({ ...pick(await refundAt(f, "UNDER_REVIEW")), reason: "Delay was caused by the customer." }),
    scope: "tenant",
  },
  "refunds.markPaid": {
    allow: ["ADMIN", "EXECUTIVE"],
    input: async (f) => ({
      ...pick(await refundAt(f, "APPROVED")),
      amountCents: 2_000_000,
      reference: "WIRE-0001",
      paidAt: new Date(),
    }),
    scope: "tenant",
  },
  "retention.accounts": { allow: ["ADMIN", "EXECUTIVE", "CSM"], input: () => ({}), scope: "own" },
  "retention.account": {
    allow: ["ADMIN", "EXECUTIVE", "CSM"],
    input: (f) => ({ accountId: f.accountA.id }),
    scope: "tenant",
  },
  "retention.recompute": { allow: ["ADMIN", "CSM"], input: (f) => ({ accountId: f.accountA.id }), scope: "tenant" },
  "retention.updateTask": {
    allow: ["ADMIN", "CSM"],
    input: async (f) => ({ op: "complete", actionId: await retentionTaskFor(f) }),
    scope: "tenant",
  },
  "portal.guarantee": { allow: ["CUSTOMER"], input: (f) => ({ projectId: f.projectA.id }), scope: "account" },
  "portal.decideDelay": {
    allow: ["CUSTOMER"],
    input: async (f) => ({ delayId: await proposedDelayFor(f), decision: "DISPUTE", note: "Our data was on time." }),
    scope: "account",
  },
  "portal.chooseRemedy": {
    allow: ["CUSTOMER"],
    input: async (f) => ({
      projectId: (await decidedGuaranteeFor(f, "failure")).projectId,
      remedy: "CONTINUED_DEVELOPMENT",
    }),
    scope: "account",
  },
  // docs/signup.md: self-serve sign-up is public (tests run with SIGNUP=open); each submit is a fresh company and domain
  "signup.checkSlug": { allow: EVERYONE, public: true, input: (f) => ({ slug: f.tenant.slug }), scope: "own" },
  "signup.submit": { allow: EVERYONE, public: true, input: () => matrixSignup(), scope: "own" },
};

function matrixSignup() {
  const tag = randomUUID().slice(0, 12);
  return {
    companyName: `Matrix ${tag}`,
    slug: `matrix-${tag}`,
    founderName: "Morgan Matrix",
    email: `founder@m-${tag}.example.com`,
  };
}

const pick = (r: { refundId: string; expectedVersion: number }) => ({
  refundId: r.refundId,
  expectedVersion: r.expectedVersion,
});

/** A fresh webhook endpoint of the fixture's tenant; its loopback URL is refused or unreachable, so a test event fails fast. */
async function matrixEndpoint(f: TenantFixture, opts: { active?: boolean } = {}) {
  const endpoint = await testDb().webhookEndpoint.create({
    data: {
      tenantId: f.tenant.id,
      active: opts.active ?? true,
      url: "http://127.0.0.1:9/matrix",
      secret: `whsec_${Buffer.alloc(32, 7).toString("base64")}`,
      events: ["alert.created"],
    },
  });
  return endpoint.id;
}

/** A logged (failed) delivery of a fresh endpoint, for redelivery. */
async function matrixWebhookDelivery(f: TenantFixture) {
  const endpointId = await matrixEndpoint(f);
  const message = await testDb().outboxMessage.create({
    data: {
      tenantId: f.tenant.id,
      channel: "WEBHOOK",
      recipient: "http://127.0.0.1:9/matrix",
      subject: "test.ping",
      bodyText: "{}",
      status: "FAILED",
      attempts: 1,
      idempotencyKey: `matrix/${endpointId}`,
      payload: { endpointId, event: "test.ping" },
    },
  });
  const delivery = await testDb().webhookDelivery.create({
    data: {
      tenantId: f.tenant.id,
      endpointId,
      outboxMessageId: message.id,
      event: "test.ping",
      attempt: 1,
      statusCode: 500,
      error: "HTTP 500",
    },
  });
  return delivery.id;
}

function intakeSubmission(f: TenantFixture, local: string) {
  return {
    tenantSlug: f.tenant.slug,
    answers: ALL_FULL_ANSWERS,
    project: {
      features: SAMPLE_REQUEST.requirements,
      timelineWeeks: 8,
      budgetBand: "100k_250k" as const,
      teamSize: 3,
      techStack: [],
      integrations: [],
      compliance: [],
      businessCritical: false,
      hasFallbackPlan: true,
    },
    contact: {
      name: "Pat Prospect",
      email: `${local}-${f.tag}@example.com`.toLowerCase(),
      company: `Prospect Co ${f.tag}`,
    },
  };
}

/** One result token per fixture, submitted from an address of its own so it uses no caller's limit. */
const intakeTokens = new Map<string, Promise<string>>();
function intakeToken(f: TenantFixture): Promise<string> {
  let token = intakeTokens.get(f.tag);
  if (!token) {
    const ctx = { db: testDb(), ip: `matrix-${f.tag}`, requestId: "matrix", now: new Date() };
    token = submitAssessment(ctx, intakeSubmission(f, "token-holder"), "http://localhost:3000").then((r) => r.token);
    intakeTokens.set(f.tag, token);
  }
  return token;
}

function actorUserId(f: TenantFixture, actor: string): string | undefined {
  if (actor in f.users) return f.users[actor as Role].id;
  if (actor === "otherAccountCustomer") return f.otherAccountCustomer.id;
  return undefined;
}

const procedures = Object.keys(
  (appRouter._def as unknown as { procedures: Record<string, unknown> }).procedures,
).sort();

type Outcome = "ok" | TRPCError["code"];

async function call(user: SessionUser | null, path: string, input: unknown): Promise<Outcome> {
  const caller = callerFor(user) as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>;
  const [ns, name] = path.split(".") as [string, string];
  const fn = caller[ns]?.[name];
  if (!fn) throw new Error(`no procedure ${path}`);
  try {
    await fn(input);
    return "ok";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

// the matrix's OpenID Provider listens on 127.0.0.1: allowed here as for webhook tests (server/messaging/config.ts)
process.env.ALLOW_PRIVATE_WEBHOOKS = "1";
let oidcProvider: Promise<TestProvider> | undefined;
const matrixOidcProvider = () =>
  (oidcProvider ??= startOidcProvider([
    {
      client_id: "onward-matrix",
      client_secret: "matrix-secret",
      redirect_uris: ["http://localhost:3000/api/sso/callback"],
    },
  ]));
afterAll(async () => (await oidcProvider)?.close());

let a: TenantFixture;
let b: TenantFixture;
let cells = 0;
let unexpectedAllows = 0;

beforeAll(async () => {
  a = await createTenantFixture("authz-a");
  b = await createTenantFixture("authz-b");
});

describe("authorization matrix", () => {
  it("has an entry for every procedure of the root router, and none for procedures that do not exist", () => {
    const missing = procedures.filter((p) => !(p in AUTHORIZATION_MATRIX));
    const stale = Object.keys(AUTHORIZATION_MATRIX).filter((p) => !procedures.includes(p));
    expect(missing, "procedures without an authorization entry").toEqual([]);
    expect(stale, "entries for procedures that no longer exist").toEqual([]);
  });

  it.each(procedures)("%s allows exactly its roles and keeps tenants and accounts apart", async (path) => {
    const entry = AUTHORIZATION_MATRIX[path];
    if (!entry) throw new Error(`no authorization entry for ${path}`);
    const inputFor = async (actor: string, user: SessionUser | null = null) => await entry.input?.(a, actor, user);

    const anonymous = await call(null, path, await inputFor("anonymous"));
    cells += 1;
    if (anonymous === "ok" && !entry.public) unexpectedAllows += 1;
    expect(anonymous, "anonymous").toBe(entry.public ? "ok" : "UNAUTHORIZED");

    for (const role of EVERYONE) {
      const outcome = await call(a.users[role], path, await inputFor(role, a.users[role]));
      cells += 1;
      if (outcome === "ok" && !entry.allow.includes(role)) unexpectedAllows += 1;
      if (entry.allow.includes(role)) expect(outcome, `${role} should be allowed`).toBe("ok");
      else expect(outcome, `${role} should be refused`).toBe("FORBIDDEN");
    }

    const outsiders: [string, SessionUser, "tenant" | "account"][] = [
      ["otherTenantAdmin", b.users.ADMIN, "tenant"],
      ["otherTenantCustomer", b.users.CUSTOMER, "tenant"],
      ["otherAccountCustomer", a.otherAccountCustomer, "account"],
    ];
    for (const [label, user, kind] of outsiders) {
      const outcome = await call(user, path, await inputFor(label, user));
      cells += 1;
      if (outcome === "ok" && (!entry.allow.includes(user.role) || (entry.scope !== "own" && !entry.public)))
        unexpectedAllows += 1;
      if (!entry.allow.includes(user.role)) {
        expect(outcome, `${label} should be refused`).toBe("FORBIDDEN");
      } else if (entry.scope === "own") {
        expect(["ok", "NOT_FOUND"], `${label} on own data`).toContain(outcome);
      } else if (entry.scope === "tenant" || kind === "tenant") {
        expect(outcome, `${label} must not reach tenant A's record`).toBe("NOT_FOUND");
      } else {
        expect(outcome, `${label} must not reach account A's record`).toBe("NOT_FOUND");
      }
    }
  });

  it("reports how many cells were checked", () => {
    expect(cells).toBe(procedures.length * 9);
    expect(unexpectedAllows).toBe(0);
    recordFigure("procedures-matrix", {
      title: "procedure authorization matrix",
      lines: [`${procedures.length} procedures × 9 callers = ${cells} cells, ${unexpectedAllows} unexpected allows`],
      ok: unexpectedAllows === 0,
    });
  });
});
