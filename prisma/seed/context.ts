import type { Prisma } from "../../generated/prisma/client";
import type {
  LeadSource,
  LeadStage,
  RetentionStrategy,
  Role,
  ServiceType,
  StakeholderRole,
} from "../../generated/prisma/enums";
import type { AlertInsert } from "../../server/db/alerts";
import type { TierKey } from "./catalogue";
import { Rng, idFactory } from "./random";

/** What a demo tenant is made of; tenants.ts holds the two demo tenants. */
export type UserSpec = {
  email: string;
  name: string;
  role: Role;
  account?: string;
  stakeholderRole?: StakeholderRole;
  isApprover?: boolean;
};
export type AccountSpec = {
  key: string;
  name: string;
  industry: string;
  website: string;
  csm: string;
  /** health score 95 days ago → today (drifts smoothly between) */
  health: [number, number];
  retention?: RetentionStrategy;
  educationPlan?: boolean;
};
export type LeadSpec = {
  key: string;
  company: string;
  contact: string;
  email: string;
  source: LeadSource;
  stage: LeadStage;
  serviceType: ServiceType;
  owner: string;
  valueUsd: number;
  daysAgo: number;
  account?: string;
  notes?: string;
};
/** The story a project tells; decides its status, milestone results and guarantee outcome. */
export type Scenario = "active" | "at_risk" | "failed_refunded" | "refund_review" | "completed" | "kickoff";
export type ProjectSpec = {
  key: string;
  name: string;
  slug: string;
  account: string;
  serviceType: ServiceType;
  tierKey: TierKey;
  contractUsd: number;
  techLead: string;
  scenario: Scenario;
  startDaysAgo: number;
  lead?: string;
  stack: string;
};
export type TenantSpec = {
  slug: string;
  name: string;
  currency: string;
  seed: number;
  domain: string;
  users: UserSpec[];
  accounts: AccountSpec[];
  leads: LeadSpec[];
  projects: ProjectSpec[];
};

/** Every row of a tenant, built in memory first and then written with one createMany per table. */
export type Rows = {
  staff: Prisma.UserCreateManyInput[];
  account: Prisma.CustomerAccountCreateManyInput[];
  customer: Prisma.UserCreateManyInput[];
  config: Prisma.TenantConfigCreateManyInput[];
  lead: Prisma.LeadCreateManyInput[];
  assessment: Prisma.QualificationAssessmentCreateManyInput[];
  feasibility: Prisma.FeasibilityAnalysisCreateManyInput[];
  tierRec: Prisma.TierRecommendationCreateManyInput[];
  project: Prisma.ProjectCreateManyInput[];
  journey: Prisma.JourneyCreateManyInput[];
  team: Prisma.TeamAssignmentCreateManyInput[];
  environment: Prisma.EnvironmentCreateManyInput[];
  guarantee: Prisma.GuaranteeCreateManyInput[];
  refund: Prisma.RefundCreateManyInput[];
  milestone: Prisma.MilestoneCreateManyInput[];
  criterion: Prisma.MilestoneCriterionCreateManyInput[];
  validation: Prisma.MilestoneValidationCreateManyInput[];
  signOff: Prisma.SignOffCreateManyInput[];
  survey: Prisma.SurveyCreateManyInput[];
  surveyResponse: Prisma.SurveyResponseCreateManyInput[];
  evidence: Prisma.EvidenceCreateManyInput[];
  quality: Prisma.QualityValidationCreateManyInput[];
  retentionPlan: Prisma.RetentionPlanCreateManyInput[];
  action: Prisma.ActionItemCreateManyInput[];
  alert: AlertInsert[];
  notification: Prisma.NotificationCreateManyInput[];
  educationItem: Prisma.EducationItemCreateManyInput[];
  educationPlan: Prisma.EducationPlanCreateManyInput[];
  educationDelivery: Prisma.EducationDeliveryCreateManyInput[];
  health: Prisma.HealthSnapshotCreateManyInput[];
  audit: Prisma.AuditEventCreateManyInput[];
};

export type AccountRef = { id: string; spec: AccountSpec; csmId: string; stakeholders: string[]; approvers: string[] };

export class SeedContext {
  readonly tenantId: string;
  readonly rng: Rng;
  readonly id: () => string;
  readonly rows: Rows;
  readonly users = new Map<string, string>();
  readonly accounts = new Map<string, AccountRef>();
  readonly leads = new Map<string, string>();
  /** converted lead key → its project, filled when the project is built (journeys read it) */
  readonly conversions = new Map<string, { projectId: string; start: Date; end: Date | null }>();

  constructor(
    readonly spec: TenantSpec,
    readonly now: Date,
  ) {
    this.id = idFactory(spec.seed);
    this.tenantId = this.id();
    this.rng = new Rng(spec.seed ^ 0x9e3779b9);
    this.rows = Object.fromEntries(ROW_ORDER.map((k) => [k, []])) as unknown as Rows;
  }

  user(email: string): string {
    const id = this.users.get(email);
    if (!id) throw new Error(`seed: unknown user ${email}`);
    return id;
  }

  account(key: string): AccountRef {
    const ref = this.accounts.get(key);
    if (!ref) throw new Error(`seed: unknown account ${key}`);
    return ref;
  }

  userByRole(role: Role): string {
    const found = this.spec.users.find((u) => u.role === role);
    if (!found) throw new Error(`seed: tenant ${this.spec.slug} has no ${role}`);
    return this.user(found.email);
  }

  daysAgo(days: number, hourUtc = 9): Date {
    return atHour(addDays(this.now, -days), hourUtc);
  }
}

/** Insert order follows the foreign keys (staff before accounts before their stakeholders, …). */
export const ROW_ORDER: (keyof Rows)[] = [
  "staff",
  "account",
  "customer",
  "config",
  "lead",
  "assessment",
  "feasibility",
  "tierRec",
  "project",
  "journey",
  "team",
  "environment",
  "guarantee",
  "refund",
  "milestone",
  "criterion",
  "validation",
  "signOff",
  "survey",
  "surveyResponse",
  "evidence",
  "quality",
  "retentionPlan",
  "action",
  "alert",
  "notification",
  "educationItem",
  "educationPlan",
  "educationDelivery",
  "health",
  "audit",
];

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

export function addHours(date: Date, hours: number): Date {
  return new Date(date.getTime() + hours * HOUR_MS);
}

/** UTC midnight of the date's day (HealthSnapshot.day is a DATE column). */
export function utcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export function atHour(date: Date, hourUtc: number): Date {
  return addHours(utcDay(date), hourUtc);
}

export function iso(date: Date): string {
  return date.toISOString();
}
