import { z } from "zod";
import {
  GuaranteeStatus,
  LeadSource,
  LeadStage,
  MilestoneStatus,
  ProjectStatus,
  ServiceType,
} from "@/generated/prisma/enums";
import { ANSWER_LEVELS } from "@/domain/qualification/config";
import { ZIdSchema } from "./common";
import { ZUpdateLeadStageSchema } from "./leads";

/**
 * The integration REST API's query parameters and answers (docs/api.md). The request bodies are the
 * app's own schemas (leads, journeys, evidence); these add what only the API has — cursor paging and
 * the resources as integrators see them. The OpenAPI document (server/http/openapi.ts) is generated
 * from these, and the handlers validate with them.
 */

const enumOf = <T extends Record<string, string>>(values: T) =>
  z.enum(Object.values(values) as [T[keyof T], ...T[keyof T][]]);
const timestamp = z.iso.datetime().meta({ example: "2026-12-01T09:30:00.000Z" });

export const API_PAGE_LIMIT = 100;

/** `GET` list parameters: an opaque cursor from the previous page, a page size, and an optional lower bound on `updatedAt`. */
export const ZApiListQuerySchema = z.object({
  cursor: z
    .string()
    .max(200, "That cursor is too long")
    .optional()
    .meta({ description: "The `nextCursor` of the previous page; leave out for the first page." }),
  limit: z.coerce
    .number({ message: "The limit is a whole number" })
    .int("The limit is a whole number")
    .min(1, "The limit is at least 1")
    .max(API_PAGE_LIMIT, `The limit is at most ${API_PAGE_LIMIT}`)
    .default(25)
    .meta({ description: "Items per page (1–100)." }),
  updated_since: z.iso
    .datetime({ offset: true, message: "Give updated_since as an ISO 8601 date and time, like 2026-12-01T00:00:00Z" })
    .optional()
    .meta({ description: "Only items changed at or after this instant (ISO 8601); for incremental syncs." }),
});
export type ApiListQuery = z.infer<typeof ZApiListQuerySchema>;

/** The `Idempotency-Key` header of a POST (docs/api.md#idempotency). */
export const ZApiIdempotencyKeySchema = z
  .string()
  .regex(/^[\x21-\x7e]{1,255}$/, "Use 1 to 255 visible ASCII characters, like a UUID")
  .meta({
    description:
      "Any unique string (a UUID): a repeat with the same key and body within 24 hours returns the first answer without acting twice.",
    example: "6f1c2a9e-5b7d-4f8e-9a31-0c2d4e6f8a10",
  });
export const ZApiIdempotencyHeaderSchema = z.object({ "Idempotency-Key": ZApiIdempotencyKeySchema.optional() });

export const ZApiIdParamsSchema = z.object({ id: ZIdSchema.meta({ description: "The resource's id." }) });

/** `POST /leads/{id}/stage`: the stage part of the app's own stage-change input. */
export const ZApiLeadStageSchema = ZUpdateLeadStageSchema.pick({ stage: true });

export const ZApiLeadSchema = z
  .object({
    id: z.string(),
    company: z.string(),
    contactName: z.string(),
    contactEmail: z.string(),
    contactPhone: z.string().nullable(),
    source: enumOf(LeadSource),
    stage: enumOf(LeadStage),
    serviceType: enumOf(ServiceType).nullable(),
    score: z.number().nullable().meta({ description: "The latest qualification score (0–100), if assessed." }),
    estimatedValueCents: z.number().int().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: "Lead" });

const page = <T extends z.ZodType>(item: T, id: string) =>
  z
    .object({
      data: z.array(item),
      nextCursor: z
        .string()
        .nullable()
        .meta({ description: "Pass as `cursor` for the next page; null on the last page." }),
    })
    .meta({ id });

export const ZApiLeadPageSchema = page(ZApiLeadSchema, "LeadPage");

export const ZApiCriteriaSchema = z
  .object({
    version: z.number().int().meta({ description: "The workspace's qualification configuration version." }),
    passScore: z.number().meta({ description: "A score below this stops a journey at qualification." }),
    answerLevels: z.array(z.enum(ANSWER_LEVELS)),
    criteria: z.array(
      z.object({
        key: z.string().meta({ description: "The key to use in a journey's `answers`.", example: "budget_defined" }),
        label: z.string(),
        category: z.string(),
        categoryLabel: z.string(),
        points: z.number(),
      }),
    ),
  })
  .meta({ id: "QualificationCriteria" });

const ZApiProjectFields = {
  id: z.string(),
  name: z.string(),
  status: enumOf(ProjectStatus),
  serviceType: enumOf(ServiceType),
  customerAccount: z.object({ id: z.string(), name: z.string() }),
  startDate: timestamp,
  targetEndDate: timestamp,
  createdAt: timestamp,
  updatedAt: timestamp,
};
export const ZApiProjectSummarySchema = z.object(ZApiProjectFields).meta({ id: "ProjectSummary" });
export const ZApiProjectPageSchema = page(ZApiProjectSummarySchema, "ProjectPage");
export const ZApiProjectSchema = z
  .object({
    ...ZApiProjectFields,
    milestones: z.array(
      z.object({
        id: z.string(),
        weekNumber: z.number().int(),
        title: z.string(),
        dueDate: timestamp,
        status: enumOf(MilestoneStatus),
        score: z.number().nullable(),
        validatedAt: timestamp.nullable(),
      }),
    ),
    guarantee: z
      .object({
        status: enumOf(GuaranteeStatus),
        amountCents: z.number().int(),
        successThreshold: z.number(),
        startsAt: timestamp,
        endsAt: timestamp,
      })
      .nullable()
      .meta({ description: "The success guarantee, when the project has one." }),
  })
  .meta({ id: "Project" });

/** The journey status as the API documents it: the fields integrators rely on; others may be present. */
export const ZApiJourneyStatusSchema = z
  .looseObject({
    journeyId: z.string(),
    status: z.string().meta({ example: "MONITORING" }),
    overallProgress: z.number(),
    projectId: z.string().nullable(),
    startedAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: "JourneyStatus" });

/** The answer to a start request: the journey's status after the phases that could run. */
export const ZApiJourneyStartedSchema = z
  .looseObject({ journeyId: z.string(), status: z.string(), overallProgress: z.number() })
  .meta({ id: "JourneyStarted" });

export const ZApiEvidenceRecordedSchema = z
  .looseObject({ evidenceId: z.string(), projectId: z.string() })
  .meta({ id: "EvidenceRecorded" });

/** RFC 9457 problem details, the body of every refusal (server/http/rest.ts builds it). */
export const ZApiProblemSchema = z
  .object({
    type: z.literal("about:blank"),
    title: z.string().meta({ example: "Bad Request" }),
    status: z.number().int().meta({ example: 400 }),
    detail: z.string().meta({ example: "contactEmail: Enter a valid email address" }),
    error: z.string().meta({ description: "The same sentence as `detail`." }),
    fieldErrors: z
      .record(z.string(), z.string())
      .optional()
      .meta({
        description: "Per field (dotted path), what is wrong with it.",
        example: { contactEmail: "Enter a valid email address" },
      }),
  })
  .meta({ id: "Problem" });
