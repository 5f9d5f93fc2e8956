import { z } from "zod";
import {
  AlertSeverity,
  GuaranteeStatus,
  JourneyStatus,
  MilestoneStatus,
  QualityValidationType,
  RefundStatus,
  SignOffDecision,
  SurveyKind,
} from "@/generated/prisma/enums";

/**
 * The webhook event catalogue (docs/webhooks/README.md#events): every event type an endpoint can
 * receive, with its label in product words, the zod schema of its `data` and an example. The JSON
 * Schemas published in docs/webhooks/<type>.json are generated from these (`scripts/webhook-schemas.ts`)
 * and a test fails when they are out of date. Emitting an event is typed by its schema, so a payload
 * that does not match its published schema fails the type check.
 */
const id = z.string().min(1);
const at = z.iso.datetime({ offset: true });

const project = { projectId: id, projectName: z.string() };

const refundData = z.object({
  refundId: id,
  guaranteeId: id,
  ...project,
  status: z.enum(RefundStatus),
  amountCents: z.number().int().nonnegative().describe("The refund amount in the smallest unit of the currency"),
  currency: z.string().length(3).describe("ISO 4217 currency code"),
  note: z.string().nullable().describe("The reason given with the decision, if any"),
  reference: z.string().nullable().describe("The payment reference, once paid"),
  paidAt: at.nullable(),
});

const refundExample = (status: RefundStatus, note: string | null, paid: boolean) => ({
  refundId: "rf_01",
  guaranteeId: "gu_01",
  projectId: "pr_01",
  projectName: "Acme customer portal",
  status,
  amountCents: 1_250_000,
  currency: "USD",
  note,
  reference: paid ? "TRX-2026-0042" : null,
  paidAt: paid ? "2026-03-02T00:00:00.000Z" : null,
});

/** `title`: a few words for badges; `label`: the sentence the endpoint form shows. */
type Entry<S extends z.ZodObject> = { title: string; label: string; schema: S; example: z.input<S> };
const entry = <S extends z.ZodObject>(e: Entry<S>) => e;

export const WEBHOOK_EVENT_CATALOGUE = {
  "alert.created": entry({
    title: "Alert raised",
    label: "An alert is raised (failed or overdue milestone, quality escalation, high risk)",
    schema: z.object({
      alertId: id,
      severity: z.enum(AlertSeverity),
      kind: z.string().describe("The kind of alert; `label` says it in words"),
      label: z.string(),
      message: z.string(),
      url: z.string().describe("Where the alert is in Onward"),
      projectId: id.nullable(),
      projectName: z.string().nullable(),
      raisedAt: at,
    }),
    example: {
      alertId: "al_01",
      severity: "HIGH",
      kind: "MILESTONE_FAILED",
      label: "Week failed",
      message: "Week 3 of Acme customer portal is failed: 52 (success ≥ 80, escalation ≥ 60).",
      url: "https://onward.example.com/projects/pr_01",
      projectId: "pr_01",
      projectName: "Acme customer portal",
      raisedAt: "2026-03-02T09:00:00.000Z",
    },
  }),
  "milestone.overdue": entry({
    title: "Week overdue",
    label: "A weekly milestone passes its due date without validation",
    schema: z.object({
      milestoneId: id,
      ...project,
      weekNumber: z.number().int().positive(),
      title: z.string(),
      dueDate: at,
    }),
    example: {
      milestoneId: "ms_03",
      projectId: "pr_01",
      projectName: "Acme customer portal",
      weekNumber: 3,
      title: "Payments",
      dueDate: "2026-03-01T00:00:00.000Z",
    },
  }),
  "milestone.validated": entry({
    title: "Week validated",
    label: "A weekly milestone is validated (scored and given a status)",
    schema: z.object({
      validationId: id,
      milestoneId: id,
      ...project,
      weekNumber: z.number().int().positive(),
      status: z.enum(MilestoneStatus),
      score: z.number().min(0).max(100),
      provisional: z.boolean().describe("True while customer sign-offs are still awaited"),
      validatedById: id.nullable().describe("Null when Onward re-validated the week itself"),
      reason: z.string().nullable().describe("Why the week was validated again, for a re-validation"),
    }),
    example: {
      validationId: "mv_01",
      milestoneId: "ms_03",
      projectId: "pr_01",
      projectName: "Acme customer portal",
      weekNumber: 3,
      status: "SUCCESS",
      score: 86,
      provisional: false,
      validatedById: "us_07",
      reason: null,
    },
  }),
  "progress_update.created": entry({
    title: "Progress update",
    label: "A project's daily progress update is written",
    schema: z.object({
      ...project,
      periodKey: z.string(),
      progressPercent: z.number(),
      statusIndicator: z.string(),
      timelineStatus: z.string(),
      budgetStatus: z.string(),
      riskLevel: z.string(),
      riskSummary: z.string(),
      achievements: z.array(z.string()),
      upcoming: z.array(z.object({ weekNumber: z.number().int(), title: z.string(), dueDate: z.string() })),
    }),
    example: {
      projectId: "pr_01",
      projectName: "Acme customer portal",
      periodKey: "2026-03-02",
      progressPercent: 42,
      statusIndicator: "on_track",
      timelineStatus: "on_schedule",
      budgetStatus: "within_budget",
      riskLevel: "low",
      riskSummary: "No open risks.",
      achievements: ["Week 2 validated at 88"],
      upcoming: [{ weekNumber: 3, title: "Payments", dueDate: "2026-03-09" }],
    },
  }),
  "signoff.recorded": entry({
    title: "Sign-off recorded",
    label: "A customer signs off a deliverable or asks for changes",
    schema: z.object({
      signOffId: id,
      ...project,
      milestoneId: id,
      weekNumber: z.number().int().positive(),
      criterionId: id,
      criterionName: z.string(),
      decision: z.enum(SignOffDecision),
      comment: z.string().nullable(),
      signedById: id,
      signedAt: at,
    }),
    example: {
      signOffId: "so_01",
      projectId: "pr_01",
      projectName: "Acme customer portal",
      milestoneId: "ms_03",
      weekNumber: 3,
      criterionId: "cr_09",
      criterionName: "Checkout flow accepted",
      decision: "APPROVED",
      comment: null,
      signedById: "us_21",
      signedAt: "2026-03-02T15:04:05.000Z",
    },
  }),
  "quality.validated": entry({
    title: "Quality validated",
    label: "A project's quality is validated",
    schema: z.object({
      validationId: id,
      ...project,
      type: z.enum(QualityValidationType),
      score: z.number().min(0).max(100),
      gatesPassed: z.number().int().nonnegative(),
      gatesFailed: z.number().int().nonnegative(),
      escalated: z.boolean(),
      trigger: z.enum(["api", "manual"]).describe("api: from CI evidence; manual: a person ran it"),
    }),
    example: {
      validationId: "qv_01",
      projectId: "pr_01",
      projectName: "Acme customer portal",
      type: "COMPREHENSIVE",
      score: 91,
      gatesPassed: 7,
      gatesFailed: 0,
      escalated: false,
      trigger: "manual",
    },
  }),
  "guarantee.decided": entry({
    title: "Guarantee decided",
    label: "A success guarantee is decided: met or not met",
    schema: z.object({
      guaranteeId: id,
      ...project,
      status: z.enum([GuaranteeStatus.SUCCEEDED, GuaranteeStatus.FAILED]),
      successScore: z.number(),
      threshold: z.number(),
      closedEarly: z.boolean(),
      decidedAt: at,
    }),
    example: {
      guaranteeId: "gu_01",
      projectId: "pr_01",
      projectName: "Acme customer portal",
      status: "SUCCEEDED",
      successScore: 87,
      threshold: 80,
      closedEarly: false,
      decidedAt: "2026-06-01T00:00:00.000Z",
    },
  }),
  "refund.requested": entry({
    title: "Refund requested",
    label: "A customer claims a refund under their guarantee",
    schema: refundData,
    example: refundExample("CLAIMED", "Guarantee not met (71 < 80)", false),
  }),
  "refund.approved": entry({
    title: "Refund approved",
    label: "An executive approves a refund",
    schema: refundData,
    example: refundExample("APPROVED", "Approved: the guarantee terms apply", false),
  }),
  "refund.rejected": entry({
    title: "Refund rejected",
    label: "A refund is rejected",
    schema: refundData,
    example: refundExample("REJECTED", "Rejected: the delay was agreed by the customer", false),
  }),
  "refund.paid": entry({
    title: "Refund paid",
    label: "A refund is paid",
    schema: refundData,
    example: refundExample("PAID", null, true),
  }),
  "survey.answered": entry({
    title: "Survey answered",
    label: "A customer answers a satisfaction survey",
    schema: z.object({
      surveyId: id,
      kind: z.enum(SurveyKind),
      projectId: id.nullable(),
      score: z.number().int().min(0).max(10),
      comment: z.string().nullable(),
      answeredById: id.nullable(),
    }),
    example: {
      surveyId: "sv_01",
      kind: "CSAT",
      projectId: "pr_01",
      score: 9,
      comment: "Clear weekly demos.",
      answeredById: "us_21",
    },
  }),
  "journey.phase_changed": entry({
    title: "Journey moved on",
    label: "A lead's customer journey moves to another phase or stops",
    schema: z.object({
      journeyId: id,
      leadId: id,
      projectId: id.nullable(),
      phase: z.string().describe("The phase the journey is in now; `phaseLabel` says it in words"),
      phaseLabel: z.string(),
      previousPhase: z.string().nullable(),
      status: z.enum(JourneyStatus),
    }),
    example: {
      journeyId: "jo_01",
      leadId: "le_01",
      projectId: null,
      phase: "feasibility",
      phaseLabel: "Feasibility",
      previousPhase: "qualification",
      status: "IN_PROGRESS",
    },
  }),
  "lead.qualified": entry({
    title: "Lead qualified",
    label: "A lead passes its qualification assessment",
    schema: z.object({
      leadId: id,
      company: z.string(),
      assessmentId: id,
      score: z.number(),
      qualifiedAt: at,
    }),
    example: {
      leadId: "le_01",
      company: "Acme Inc.",
      assessmentId: "qa_01",
      score: 78,
      qualifiedAt: "2026-02-10T10:00:00.000Z",
    },
  }),
  "project.kicked_off": entry({
    title: "Project kicked off",
    label: "A project is kicked off from a won lead",
    schema: z.object({
      ...project,
      customerAccountId: id,
      leadId: id,
      tierKey: z.string(),
      startDate: at,
      targetEndDate: at,
      milestones: z.number().int().nonnegative(),
    }),
    example: {
      projectId: "pr_01",
      projectName: "Acme customer portal",
      customerAccountId: "ca_01",
      leadId: "le_01",
      tierKey: "growth",
      startDate: "2026-02-16T00:00:00.000Z",
      targetEndDate: "2026-05-11T00:00:00.000Z",
      milestones: 12,
    },
  }),
} as const;

export type CatalogueEvent = keyof typeof WEBHOOK_EVENT_CATALOGUE;
export type WebhookEventData<E extends CatalogueEvent> = z.input<(typeof WEBHOOK_EVENT_CATALOGUE)[E]["schema"]>;

/** The whole request body an endpoint receives: type, when it happened, data (Standard Webhooks payload). */
export function webhookPayloadSchema(event: CatalogueEvent) {
  return z.object({
    type: z.literal(event),
    timestamp: at.describe("When it happened in Onward, not when it was sent"),
    data: WEBHOOK_EVENT_CATALOGUE[event].schema,
  });
}

/** The published JSON Schema of one event's body (docs/webhooks/<type>.json). */
export function webhookJsonSchema(event: CatalogueEvent): Record<string, unknown> {
  return {
    ...z.toJSONSchema(webhookPayloadSchema(event), { target: "draft-2020-12" }),
    title: event,
    description: WEBHOOK_EVENT_CATALOGUE[event].label,
    examples: [{ type: event, timestamp: "2026-03-02T09:00:00.000Z", data: WEBHOOK_EVENT_CATALOGUE[event].example }],
  };
}
