import "server-only";
import { formatMoneyPlain } from "@/lib/money";
import type { CreateLeadInput, ListLeadsInput } from "@/lib/schemas/leads";
import { recordAudit } from "@/server/db/audit";
import { createLead as insertLead, findLead, iterateLeads, listLeads, setLeadStage } from "@/server/db/leads";
import type { LeadStage } from "@/generated/prisma/enums";
import { canMoveLead } from "@/domain/pipeline/stages";
import { AppError, notFound } from "@/server/errors";
import { onReplica, type ServiceContext } from "./context";
import { csvChunks } from "./csv";

export function leadsPage(ctx: ServiceContext, input: ListLeadsInput) {
  return onReplica(ctx, (db) => listLeads(db, ctx.tenantId, input));
}

export async function leadDetail(ctx: ServiceContext, leadId: string) {
  const lead = await findLead(ctx.db, ctx.tenantId, leadId);
  if (!lead) throw notFound("Lead");
  return lead;
}

export function createLead(ctx: ServiceContext, input: CreateLeadInput) {
  return ctx.db.$transaction(async (tx) => {
    const lead = await insertLead(tx, ctx.tenantId, ctx.actorId, input, ctx.now);
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      action: "lead.created",
      entityType: "Lead",
      entityId: lead.id,
      after: { company: lead.company, contactEmail: lead.contactEmail },
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    });
    return lead;
  });
}

export async function moveLead(ctx: ServiceContext, leadId: string, stage: LeadStage) {
  const lead = await leadDetail(ctx, leadId);
  const move = canMoveLead(lead.stage, stage);
  if (!move.ok) throw new AppError("BAD_REQUEST", move.reason, { fieldErrors: { stage: move.reason } });
  return ctx.db.$transaction(async (tx) => {
    const changed = await setLeadStage(tx, ctx.tenantId, leadId, lead.stage, { stage, updatedAt: ctx.now });
    if (changed.count !== 1)
      throw new AppError("CONFLICT", "Someone changed this lead meanwhile. Reload and try again.");
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      action: "lead.stage_changed",
      entityType: "Lead",
      entityId: leadId,
      before: { stage: lead.stage },
      after: { stage },
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    });
    return { id: leadId, stage };
  });
}

const CSV_COLUMNS = [
  "Company",
  "Contact",
  "Email",
  "Source",
  "Stage",
  "Service type",
  "Score",
  "Estimated value (USD)",
  "Owner",
  "Created",
];

/** CSV of every lead matching the filters; cells that look like formulas are neutralised. */
export function leadsCsv(
  ctx: ServiceContext,
  filters: Omit<ListLeadsInput, "page" | "pageSize">,
): AsyncGenerator<string> {
  return csvChunks(CSV_COLUMNS, iterateLeads(ctx.db, ctx.tenantId, filters), (l) => [
    l.company,
    l.contactName,
    l.contactEmail,
    l.source,
    l.stage,
    l.serviceType ?? "",
    l.latestScore ?? "",
    l.estimatedValueCents === null ? "" : formatMoneyPlain(l.estimatedValueCents),
    l.owner?.name ?? "",
    l.createdAt.toISOString(),
  ]);
}
