import "server-only";
import type { CreateEducationPlanInput } from "@/lib/schemas/education";
import { recordAudit } from "@/server/db/audit";
import {
  accountStakeholders,
  findAccount,
  findDelivery,
  findPlanFor,
  insertLibraryItems,
  insertPlan,
  listLibrary,
  listPlans,
  listPortalDeliveries,
  markDeliveryCompleted,
} from "@/server/db/education";
import { latestAccountGuaranteeCents } from "@/server/db/portal";
import { backgroundOf } from "@/domain/education/background";
import { DEFAULT_EDUCATION_LIBRARY, renderEducationBody, type EducationItemSpec } from "@/domain/education/library";
import { educationProgress, planEducation } from "@/domain/education/plan";
import { AppError, notFound } from "@/server/errors";
import { DEFAULT_CURRENCY, formatMoney } from "@/lib/money";
import { loadConfig } from "./config";
import type { ServiceContext } from "./context";
import { leadDetail } from "./leads";

/**
 * Customer education (docs/domain.md#education): the tenant's content library, personalised plans for a lead or a
 * customer account, and completion tracking. Deliveries are rows scheduled by the plan; the automation
 * worker sends them when due. Customers read the content in the portal and mark it read there.
 */

/** The tenant's library; a tenant without one gets the default library (once, on first use). */
export async function educationLibrary(ctx: Pick<ServiceContext, "db" | "tenantId" | "now">) {
  const items = await listLibrary(ctx.db, ctx.tenantId);
  if (items.length > 0) return items;
  await insertLibraryItems(
    ctx.db,
    DEFAULT_EDUCATION_LIBRARY.map((item, position) => ({
      tenantId: ctx.tenantId,
      ...item,
      position,
      createdAt: ctx.now,
    })),
  );
  return listLibrary(ctx.db, ctx.tenantId);
}

type Target = { leadId: string } | { customerAccountId: string };

async function resolveTarget(
  ctx: ServiceContext,
  input: { leadId?: string; customerAccountId?: string },
): Promise<{ target: Target; label: string }> {
  if (input.leadId) {
    const lead = await leadDetail(ctx, input.leadId);
    return { target: { leadId: lead.id }, label: lead.company };
  }
  const account = input.customerAccountId ? await findAccount(ctx.db, ctx.tenantId, input.customerAccountId) : null;
  if (!account) throw notFound("Customer account");
  return { target: { customerAccountId: account.id }, label: account.name };
}

export async function createEducationPlan(ctx: ServiceContext, input: CreateEducationPlanInput) {
  const { target, label } = await resolveTarget(ctx, input);
  const existing = await findPlanFor(ctx.db, ctx.tenantId, target, input.serviceType);
  if (existing) {
    throw new AppError(
      "CONFLICT",
      `${label} already has an education plan for this service type (created ${existing.createdAt.toISOString().slice(0, 10)}). Track its progress instead.`,
    );
  }
  const stakeholders =
    "customerAccountId" in target ? await accountStakeholders(ctx.db, ctx.tenantId, target.customerAccountId) : [];
  const [library, config] = await Promise.all([educationLibrary(ctx), loadConfig(ctx, "education")]);
  const specs: EducationItemSpec[] = library.map((i) => ({
    key: i.key,
    title: i.title,
    kind: i.kind as EducationItemSpec["kind"],
    audience: i.audience as EducationItemSpec["audience"],
    serviceTypes: i.serviceTypes,
    body: i.body,
    durationMinutes: i.durationMinutes,
    deliveryMethod: i.deliveryMethod as EducationItemSpec["deliveryMethod"],
  }));
  const plan = planEducation({
    serviceType: input.serviceType,
    background: input.background,
    library: specs,
    startAt: ctx.now,
    config: config.data,
    stakeholders: stakeholders.map((s) => ({ id: s.id, background: backgroundOf(s.stakeholderRole) })),
  });
  const itemIds = new Map(library.map((i) => [i.key, i.id]));
  const deliveries = plan.deliveries.flatMap((d) => {
    const itemId = itemIds.get(d.itemKey);
    return itemId ? [{ itemId, userId: d.stakeholderId, scheduledAt: d.scheduledAt }] : [];
  });
  if (deliveries.length === 0)
    throw new AppError(
      "BAD_REQUEST",
      "The content library has no item for this service type and background. Add content first.",
    );
  const row = await ctx.db.$transaction(async (tx) => {
    const created = await insertPlan(
      tx,
      { tenantId: ctx.tenantId, ...target, serviceType: input.serviceType, background: input.background, at: ctx.now },
      deliveries,
    );
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      action: "education.plan_created",
      entityType: "EducationPlan",
      entityId: created.id,
      after: {
        ...target,
        serviceType: input.serviceType,
        background: input.background,
        deliveries: deliveries.length,
        configVersion: config.version,
      },
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    });
    return created;
  });
  return {
    planId: row.id,
    items: plan.items,
    estimatedCompletion: plan.estimatedCompletion,
    successCriteria: plan.successCriteria,
    explanation: plan.explanation,
  };
}

/** Plans of a lead or account with their deliveries and completion per stakeholder. */
export async function educationPlans(ctx: ServiceContext, input: { leadId?: string; customerAccountId?: string }) {
  const { target } = await resolveTarget(ctx, input);
  const plans = await listPlans(ctx.db, ctx.tenantId, target);
  return plans.map((p) => {
    const progress = educationProgress(p.deliveries.map((d) => ({ stakeholderId: d.userId, status: d.status })));
    const names = new Map(p.deliveries.map((d) => [d.userId, d.user?.name ?? "Primary contact"]));
    return {
      ...p,
      progress: {
        ...progress,
        stakeholders: progress.stakeholders.map((s) => ({
          ...s,
          name: names.get(s.stakeholderId) ?? "Primary contact",
        })),
      },
    };
  });
}

/** Staff record a completion on the customer's behalf (e.g. after a video call). */
export async function completeEducation(ctx: ServiceContext, deliveryId: string) {
  const delivery = await findDelivery(ctx.db, ctx.tenantId, deliveryId);
  if (!delivery) throw notFound("Education delivery");
  return recordCompletion(ctx, delivery, "education.completed_by_staff");
}

async function recordCompletion(
  ctx: ServiceContext,
  delivery: { id: string; status: string; item: { title: string } },
  action: string,
) {
  if (delivery.status === "COMPLETED") return { deliveryId: delivery.id, status: "COMPLETED" as const, changed: false };
  await ctx.db.$transaction(async (tx) => {
    const changed = await markDeliveryCompleted(tx, ctx.tenantId, delivery.id, ctx.now);
    if (changed === 0) return;
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      action,
      entityType: "EducationDelivery",
      entityId: delivery.id,
      before: { status: delivery.status },
      after: { status: "COMPLETED", item: delivery.item.title },
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    });
  });
  return { deliveryId: delivery.id, status: "COMPLETED" as const, changed: true };
}

/** What a customer reads in the portal: their own items, the content filled in for their account. */
type PortalContext = ServiceContext & { customerAccountId: string };

export async function portalEducation(ctx: PortalContext) {
  const { customerAccountId } = ctx;
  const [rows, guaranteeCents] = await Promise.all([
    listPortalDeliveries(ctx.db, ctx.tenantId, customerAccountId, ctx.actorId),
    latestAccountGuaranteeCents(ctx.db, ctx.tenantId, customerAccountId),
  ]);
  const refundAmount =
    guaranteeCents === null
      ? "the guarantee amount in your agreement"
      : formatMoney(guaranteeCents, DEFAULT_CURRENCY, "short");
  const items = rows.map((r) => ({
    ...r,
    item: { ...r.item, body: renderEducationBody(r.item.body, { refundAmount }) },
  }));
  const progress = educationProgress(rows.map((r) => ({ stakeholderId: ctx.actorId, status: r.status })));
  return { items, progress };
}

/** A customer marks one of their own items read; another account's or another person's item is not found. */
export async function portalCompleteEducation(ctx: PortalContext, deliveryId: string) {
  const { customerAccountId } = ctx;
  const delivery = await findDelivery(ctx.db, ctx.tenantId, deliveryId);
  if (
    !delivery ||
    delivery.plan.customerAccountId !== customerAccountId ||
    (delivery.userId !== null && delivery.userId !== ctx.actorId)
  ) {
    throw notFound("Education item");
  }
  return recordCompletion(ctx, delivery, "education.completed");
}
