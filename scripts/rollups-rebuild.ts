/**
 * `npm run db:rollups:rebuild [-- <tenant slug>]`: rebuilds the dashboard's trigger-kept rollups from the
 * rows (docs/dashboard.md#rollups) — after a bulk load that skipped triggers, a restore of a partial
 * dump, or to check them: the triggers keep them in step with every write, so a rebuild of a healthy
 * database changes nothing. Works on the operator database (DATABASE_URL, else the embedded one).
 */
import { rebuildDashboardRollups } from "../server/db/dashboard-rollups";
import { fail, withOperatorDb } from "./operator-db";

const slug = process.argv[2];
await withOperatorDb("db:rollups:rebuild", async (db) => {
  let tenantId: string | undefined;
  if (slug) {
    const tenant = await db.tenant.findUnique({ where: { slug }, select: { id: true } });
    if (!tenant) fail(`No workspace with the address "${slug}".`);
    tenantId = tenant.id;
  }
  const started = Date.now();
  const n = await rebuildDashboardRollups(db, tenantId);
  console.log(`Rebuilt the dashboard rollups of ${n} workspace${n === 1 ? "" : "s"} in ${Date.now() - started} ms.`);
});
