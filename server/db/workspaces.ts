import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Db, DbOrTx } from "./client";
import { createUser } from "./users";

/**
 * Workspaces (tenants) as a whole: creating one, and the few platform-level reads that span tenants
 * (is a slug in use, is there any workspace, the operator's list). These are the only queries without
 * a tenant id, because they are about tenants themselves (docs/signup.md).
 */

export function tenantSlugExists(prisma: DbOrTx, slug: string) {
  return prisma.tenant.findUnique({ where: { slug }, select: { id: true } });
}

export async function anyWorkspace(prisma: Db): Promise<boolean> {
  return (await prisma.tenant.findFirst({ select: { id: true } })) !== null;
}

/** Tenant, TenantConfig version 1 of every kind, and its first admin: the caller's transaction. */
export async function insertWorkspace(
  tx: Prisma.TransactionClient,
  input: {
    slug: string;
    name: string;
    configs: Record<string, Prisma.InputJsonValue>;
    admin: { email: string; name: string; passwordHash: string | null; emailVerified: Date | null };
    at: Date;
  },
) {
  const tenant = await tx.tenant.create({
    data: { slug: input.slug, name: input.name, createdAt: input.at },
    select: { id: true, slug: true, name: true },
  });
  const admin = await createUser(tx, tenant.id, {
    email: input.admin.email,
    name: input.admin.name,
    role: "ADMIN",
    passwordHash: input.admin.passwordHash,
    emailVerified: input.admin.emailVerified,
  });
  await tx.tenantConfig.createMany({
    data: Object.entries(input.configs).map(([kind, data]) => ({
      tenantId: tenant.id,
      kind,
      version: 1,
      data,
      createdById: admin.id,
      createdAt: input.at,
    })),
  });
  return { tenant, admin: { id: admin.id, email: admin.email } };
}

export function listWorkspaces(prisma: Db) {
  return prisma.tenant.findMany({
    select: { slug: true, name: true, createdAt: true, _count: { select: { users: true } } },
    orderBy: { createdAt: "asc" },
  });
}

/** The tenants a scheduled job works through. */
export type JobTenant = { id: string; name: string; timezone: string; currency: string };

/** Every tenant in id order, or the one a "run now" names. */
export function listTenantsForJobs(prisma: Db, tenantId: string | null): Promise<JobTenant[]> {
  return prisma.tenant.findMany({
    where: tenantId ? { id: tenantId } : {},
    orderBy: { id: "asc" },
    select: { id: true, name: true, timezone: true, currency: true },
  });
}
