import type { DbOrTx } from "./client";

/**
 * Whole-database integrity checks after a restore (issue 10 item 7). The one deliberate exception to
 * "every query takes the tenant id": a restore is checked for every tenant at once, so this lists the
 * (tenant, project) pairs that have a sign-off chain; each chain is then verified tenant-scoped.
 */
export function projectsWithSignOffs(db: DbOrTx) {
  return db.project.findMany({ where: { signOffs: { some: {} } }, select: { id: true, tenantId: true }, orderBy: { id: "asc" } });
}
