import { categoryLabel, criterionLabel } from "@/domain/qualification/config";
import { ANSWER_LEVELS } from "@/domain/qualification/config";
import type { ApiListQuery } from "@/lib/schemas/api-v1";
import type { CreateLeadInput } from "@/lib/schemas/leads";
import type { LeadStage } from "@/generated/prisma/enums";
import { apiLead, apiLeads, apiProject, apiProjects, type Keyset } from "@/server/db/integration-api";
import { AppError, notFound } from "@/server/errors";
import { loadConfig } from "./config";
import type { ServiceContext } from "./context";
import { createLead, moveLead } from "./leads";

/**
 * The integration REST API's use cases (docs/api.md): thin over the lead and project services, with
 * the resources in the shape the API documents and cursor paging in (updatedAt, id) order.
 */

/** The cursor is the last item's (updatedAt, id), opaque to callers. */
function encodeCursor(last: Keyset): string {
  return Buffer.from(JSON.stringify([last.updatedAt.toISOString(), last.id])).toString("base64url");
}

function decodeCursor(cursor: string): Keyset {
  const bad = () =>
    new AppError("BAD_REQUEST", "cursor: Use the nextCursor of the previous page as it is", {
      fieldErrors: { cursor: "Use the nextCursor of the previous page as it is" },
    });
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw bad();
  }
  if (!Array.isArray(value) || typeof value[0] !== "string" || typeof value[1] !== "string") throw bad();
  const updatedAt = new Date(value[0]);
  if (Number.isNaN(updatedAt.getTime()) || !/^[A-Za-z0-9_-]{1,64}$/.test(value[1])) throw bad();
  return { updatedAt, id: value[1] };
}

async function keysetPage<T extends Keyset, R>(
  query: ApiListQuery,
  load: (q: { after?: Keyset; updatedSince?: Date; take: number }) => Promise<T[]>,
  shape: (row: T) => R,
) {
  const rows = await load({
    after: query.cursor ? decodeCursor(query.cursor) : undefined,
    updatedSince: query.updated_since ? new Date(query.updated_since) : undefined,
    take: query.limit + 1,
  });
  const more = rows.length > query.limit;
  const items = more ? rows.slice(0, query.limit) : rows;
  const last = items.at(-1);
  return { data: items.map(shape), nextCursor: more && last ? encodeCursor(last) : null };
}

type LeadRow = NonNullable<Awaited<ReturnType<typeof apiLead>>>;
const leadOut = ({ latestScore, ...lead }: LeadRow) => ({ ...lead, score: latestScore });

export function listLeadsForApi(ctx: ServiceContext, query: ApiListQuery) {
  return keysetPage(query, (q) => apiLeads(ctx.db, ctx.tenantId, q), leadOut);
}

export async function leadForApi(ctx: ServiceContext, id: string) {
  const lead = await apiLead(ctx.db, ctx.tenantId, id);
  if (!lead) throw notFound("Lead");
  return leadOut(lead);
}

export async function createLeadForApi(ctx: ServiceContext, input: CreateLeadInput) {
  const lead = await createLead(ctx, input);
  return leadForApi(ctx, lead.id);
}

export async function moveLeadForApi(ctx: ServiceContext, id: string, stage: LeadStage) {
  await moveLead(ctx, id, stage);
  return leadForApi(ctx, id);
}

/** The workspace's qualification criteria: the keys a journey's `answers` take, with their words and points. */
export async function qualificationCriteriaForApi(ctx: ServiceContext) {
  const config = await loadConfig(ctx, "qualification");
  return {
    version: config.version,
    passScore: config.data.passScore,
    answerLevels: [...ANSWER_LEVELS],
    criteria: Object.entries(config.data.criteria).flatMap(([category, criteria]) =>
      Object.entries(criteria).map(([key, points]) => ({
        key,
        label: criterionLabel(key),
        category,
        categoryLabel: categoryLabel(category),
        points,
      })),
    ),
  };
}

export function listProjectsForApi(ctx: ServiceContext, query: ApiListQuery) {
  return keysetPage(
    query,
    (q) => apiProjects(ctx.db, ctx.tenantId, q),
    (p) => p,
  );
}

export async function projectForApi(ctx: ServiceContext, id: string) {
  const project = await apiProject(ctx.db, ctx.tenantId, id);
  if (!project) throw notFound("Project");
  return project;
}
