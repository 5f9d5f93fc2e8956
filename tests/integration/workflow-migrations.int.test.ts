import { describe, expect, it } from "vitest";
import { withDatabaseBefore } from "../helpers/migration-db";

/**
 * Migrations onboarded_at_set_by_kickoff and job_account_scores (docs/architecture.md#workflow-state,
 * docs/architecture.md#names): the trigger that derived Project.onboardedAt from the kickoff JSON is
 * gone and the values it wrote stay; the daily scoring job's past runs carry its new name. Needs a
 * database of its own in the earlier state, so it runs on a real PostgreSQL only (TEST_DATABASE_URL).
 */
const FIRST = "20261206043000_onboarded_at_set_by_kickoff";

describe("the workflow-state and job-name migrations", () => {
  it.skipIf(!process.env.TEST_DATABASE_URL)(
    "keep onboardedAt without its trigger and rename the job's past runs",
    async () => {
      await withDatabaseBefore(FIRST, async (c, migrateRest) => {
        await c.query(`INSERT INTO "Tenant" ("id", "slug", "name") VALUES ('t1', 't1', 'T1')`);
        await c.query(`INSERT INTO "CustomerAccount" ("id", "tenantId", "name") VALUES ('acc', 't1', 'Acme')`);
        const launched = JSON.stringify([
          { phase: "launch", status: "completed", finishedAt: "2026-11-02T10:30:00.000Z" },
        ]);
        await c.query(
          `INSERT INTO "Project" ("id", "tenantId", "customerAccountId", "name", "serviceType", "tierKey", "contractValueCents", "kickoff", "startDate", "targetEndDate", "createdAt", "updatedAt")
           VALUES ('p1', 't1', 'acc', 'Apollo', 'MVP_DEVELOPMENT', 'standard', 100, $1::jsonb, now(), now(), '2026-11-01T09:00:00Z', now()),
                  ('p2', 't1', 'acc', 'Borealis', 'MVP_DEVELOPMENT', 'standard', 100, '[]'::jsonb, now(), now(), '2026-11-03T09:00:00Z', now())`,
          [launched],
        );
        await c.query(
          `INSERT INTO "JobRun" ("id", "job", "periodKey", "status") VALUES
             ('r1', 'health', '2026-12-01', 'SUCCEEDED'), ('r2', 'health', '2026-12-02', 'FAILED'), ('r3', 'outbox', '2026-12-01T10:05', 'SUCCEEDED')`,
        );
        const onboarded = async () =>
          (
            await c.query<{ id: string; at: string | null }>(
              `SELECT id, "onboardedAt"::text AS at FROM "Project" ORDER BY id`,
            )
          ).rows;
        const written = await onboarded();
        // what the trigger wrote: the launch step's finishedAt; the project's creation without a launch step
        expect(written).toEqual([
          { id: "p1", at: "2026-11-02 10:30:00" },
          { id: "p2", at: "2026-11-03 09:00:00" },
        ]);

        await migrateRest();
        expect(await onboarded()).toEqual(written);
        // nothing derives the column any more: a write of the kickoff leaves it alone
        await c.query(`UPDATE "Project" SET kickoff = '[]'::jsonb, "updatedAt" = now() WHERE id = 'p1'`);
        expect(await onboarded()).toEqual(written);
        const leftovers = await c.query(
          `SELECT proname FROM pg_proc WHERE proname LIKE 'onward_project_%'
           UNION ALL SELECT tgname FROM pg_trigger WHERE tgname = 'Project_onboardedAt'`,
        );
        expect(leftovers.rows).toEqual([]);

        const runs = await c.query<{ id: string; job: string }>(`SELECT id, job FROM "JobRun" ORDER BY id`);
        expect(runs.rows).toEqual([
          { id: "r1", job: "account-scores" },
          { id: "r2", job: "account-scores" },
          { id: "r3", job: "outbox" },
        ]);
      });
    },
  );
});
