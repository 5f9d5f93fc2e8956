import "server-only";
import type { DbOrTx } from "./client";

/**
 * Whole-database integrity checks after a restore (docs/security.md). The one deliberate exception to
 * "every query takes the tenant id": a restore is checked for every tenant at once, so this lists the
 * (tenant, project) pairs that have a sign-off chain; each chain is then verified tenant-scoped.
 */
export function projectsWithSignOffs(db: DbOrTx, tenantIds?: readonly string[]) {
  return db.project.findMany({
    where: { signOffs: { some: {} }, ...(tenantIds ? { tenantId: { in: [...tenantIds] } } : {}) },
    select: { id: true, tenantId: true, name: true },
    orderBy: { id: "asc" },
  });
}

/** Every tenant id (or the given ones that exist), for the per-tenant audit chains. */
export async function tenantIdsOf(db: DbOrTx, tenantIds?: readonly string[]): Promise<string[]> {
  const rows = await db.tenant.findMany({
    where: tenantIds ? { id: { in: [...tenantIds] } } : {},
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => r.id);
}
