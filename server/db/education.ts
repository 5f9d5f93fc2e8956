import "server-only";
import type { EducationStatus, ServiceType } from "@/generated/prisma/enums";
import type { Prisma } from "@/generated/prisma/client";
import type { DbOrTx } from "./client";

/** Education library, plans and deliveries (docs/domain.md#education). Every read is scoped by tenant. */

export const libraryItemSelect = {
  id: true,
  key: true,
  title: true,
  kind: true,
  audience: true,
  serviceTypes: true,
  body: true,
  durationMinutes: true,
  deliveryMethod: true,
  position: true,
} satisfies Prisma.EducationItemSelect;

export function listLibrary(prisma: DbOrTx, tenantId: string) {
  return prisma.educationItem.findMany({
    where: { tenantId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: libraryItemSelect,
  });
}

/** Adds the items whose key the tenant does not have yet; existing items are never overwritten. */
export function insertLibraryItems(prisma: DbOrTx, rows: Prisma.EducationItemCreateManyInput[]) {
  return prisma.educationItem.createMany({ data: rows, skipDuplicates: true });
}

export function findAccount(prisma: DbOrTx, tenantId: string, customerAccountId: string) {
  return prisma.customerAccount.findFirst({
    where: { tenantId, id: customerAccountId },
    select: { id: true, name: true },
  });
}

/** The account's active customer stakeholders, oldest first. */
export function accountStakeholders(prisma: DbOrTx, tenantId: string, customerAccountId: string) {
  return prisma.user.findMany({
    where: { tenantId, customerAccountId, role: "CUSTOMER", disabledAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, stakeholderRole: true },
  });
}

export function findPlanFor(
  prisma: DbOrTx,
  tenantId: string,
  target: { leadId?: string; customerAccountId?: string },
  serviceType: ServiceType,
) {
  return prisma.educationPlan.findFirst({
    where: { tenantId, ...target, serviceType },
    select: { id: true, createdAt: true },
  });
}

export async function insertPlan(
  prisma: DbOrTx,
  plan: {
    tenantId: string;
    leadId?: string;
    customerAccountId?: string;
    serviceType: ServiceType;
    background: string;
    at: Date;
  },
  deliveries: { itemId: string; userId: string | null; scheduledAt: Date }[],
) {
  const { at, ...rest } = plan;
  const row = await prisma.educationPlan.create({ data: { ...rest, createdAt: at }, select: { id: true } });
  await prisma.educationDelivery.createMany({
    data: deliveries.map((d) => ({
      tenantId: plan.tenantId,
      planId: row.id,
      itemId: d.itemId,
      userId: d.userId,
      scheduledAt: d.scheduledAt,
    })),
  });
  return row;
}

const deliverySelect = {
  id: true,
  status: true,
  scheduledAt: true,
  sentAt: true,
  completedAt: true,
  sessionAt: true,
  joinUrl: true,
  userId: true,
  user: { select: { name: true } },
  item: { select: { key: true, title: true, kind: true, durationMinutes: true, deliveryMethod: true } },
} satisfies Prisma.EducationDeliverySelect;

export function listPlans(prisma: DbOrTx, tenantId: string, target: { leadId?: string; customerAccountId?: string }) {
  return prisma.educationPlan.findMany({
    where: { tenantId, ...target },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: {
      id: true,
      serviceType: true,
      background: true,
      createdAt: true,
      deliveries: { orderBy: [{ scheduledAt: "asc" }, { id: "asc" }], select: deliverySelect },
    },
  });
}

export function findDelivery(prisma: DbOrTx, tenantId: string, deliveryId: string) {
  return prisma.educationDelivery.findFirst({
    where: { tenantId, id: deliveryId },
    select: {
      id: true,
      status: true,
      userId: true,
      planId: true,
      plan: { select: { leadId: true, customerAccountId: true } },
      item: { select: { title: true } },
    },
  });
}

/** Marks a delivery completed unless it already is; returns how many rows changed (0 or 1). */
export async function markDeliveryCompleted(prisma: DbOrTx, tenantId: string, deliveryId: string, at: Date) {
  const res = await prisma.educationDelivery.updateMany({
    where: { tenantId, id: deliveryId, status: { not: "COMPLETED" satisfies EducationStatus } },
    data: { status: "COMPLETED", completedAt: at, sentAt: undefined },
  });
  return res.count;
}

/** A customer's own deliveries (addressed to them, or to the account's primary contact) with the content. */
export function listPortalDeliveries(prisma: DbOrTx, tenantId: string, customerAccountId: string, userId: string) {
  return prisma.educationDelivery.findMany({
    where: { tenantId, plan: { customerAccountId }, OR: [{ userId }, { userId: null }] },
    orderBy: [{ scheduledAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      status: true,
      scheduledAt: true,
      completedAt: true,
      sessionAt: true,
      joinUrl: true,
      item: { select: { key: true, title: true, kind: true, durationMinutes: true, deliveryMethod: true, body: true } },
    },
  });
}
