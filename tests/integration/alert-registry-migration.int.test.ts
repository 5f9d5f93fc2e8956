import { describe, expect, it } from "vitest";
import { withDatabaseBefore } from "../helpers/migration-db";

/**
 * Migration alert_registry maps the free-text kinds written before it onto the registry's kinds
 * (docs/alerts.md), gives each row its kind's severity, and fills the milestone, guarantee and account
 * links where the old row lets them be derived. Needs a database of its own in the pre-registry state,
 * so it runs on a real PostgreSQL only (TEST_DATABASE_URL): the embedded PGlite serves one database.
 */
const REGISTRY_MIGRATION = "20261206011328_alert_registry";

describe("the alert_registry migration", () => {
  it.skipIf(!process.env.TEST_DATABASE_URL)(
    "maps old kinds to registry kinds and fills the links it can derive",
    async () => {
      await withDatabaseBefore(REGISTRY_MIGRATION, async (c, migrateRest) => {
        await c.query(`INSERT INTO "Tenant" ("id", "slug", "name") VALUES ('t1', 't1', 'T1')`);
        await c.query(`INSERT INTO "CustomerAccount" ("id", "tenantId", "name") VALUES ('acc', 't1', 'Acme')`);
        await c.query(`INSERT INTO "Project" ("id", "tenantId", "customerAccountId", "name", "serviceType", "tierKey", "contractValueCents", "startDate", "targetEndDate", "updatedAt")
        VALUES ('p1', 't1', 'acc', 'Apollo', 'MVP_DEVELOPMENT', 'standard', 100, now(), now(), now())`);
        await c.query(`INSERT INTO "Milestone" ("id", "tenantId", "projectId", "weekNumber", "title", "dueDate", "minimumSuccessThreshold", "escalationThreshold")
        VALUES ('w2', 't1', 'p1', 2, 'Core', now(), 85, 70)`);
        await c.query(
          `INSERT INTO "Guarantee" ("id", "tenantId", "projectId", "amountCents", "successThreshold", "startsAt", "endsAt") VALUES ('g1', 't1', 'p1', 100, 85, now(), now())`,
        );
        const old: [string, string, string | null, string | null, string | null][] = [
          // id, kind, severity, project, link
          ["a1", "milestone_at_risk", "HIGH", "p1", "/projects/p1#week-2"],
          ["a2", "milestone_failed", "HIGH", "p1", "/projects/p1#week-2"],
          ["a3", "milestone_overdue", "HIGH", "p1", "/projects/p1#week-9"],
          ["a4", "quality_escalation.code", "HIGH", "p1", "/projects/p1"],
          ["a5", "quality.escalation", "WARNING", "p1", "/projects/p1"],
          ["a6", "progress_risk", "CRITICAL", "p1", "/projects/p1"],
          ["a7", "progress_risk", "HIGH", "p1", "/projects/p1"],
          ["a8", "refund.pending_approval", "CRITICAL", "p1", "/refunds"],
          ["a9", "guarantee.succeeded", "INFO", "p1", "/projects/p1/guarantee"],
          ["a10", "retention.at_risk", "WARNING", null, "/accounts/acc"],
          ["a11", "health.decline", "WARNING", null, "/accounts/acc"],
          ["a12", "something_else", "INFO", "p1", null],
        ];
        for (const [id, kind, severity, projectId, link] of old) {
          await c.query(
            `INSERT INTO "Alert" ("id", "tenantId", "projectId", "customerAccountId", "severity", "kind", "message", "link") VALUES ($1, 't1', $2, $3, $4::"AlertSeverity", $5, 'm', $6)`,
            [id, projectId, projectId ? null : "acc", severity, kind, link],
          );
        }
        await migrateRest();
        const rows = (
          await c.query<{
            id: string;
            kind: string;
            severity: string;
            customerAccountId: string | null;
            milestoneId: string | null;
            guaranteeId: string | null;
          }>(
            `SELECT "id", "kind"::text, "severity"::text, "customerAccountId", "milestoneId", "guaranteeId" FROM "Alert" ORDER BY length("id"), "id"`,
          )
        ).rows;
        expect(rows.map((r) => [r.id, r.kind, r.severity, r.milestoneId, r.guaranteeId])).toEqual([
          ["a1", "MILESTONE_AT_RISK", "WARNING", "w2", null],
          ["a2", "MILESTONE_FAILED", "HIGH", "w2", null],
          ["a3", "MILESTONE_OVERDUE", "HIGH", null, null], // week 9 does not exist: no link
          ["a4", "QUALITY_ESCALATION_CODE", "HIGH", null, null],
          ["a5", "QUALITY_ESCALATION_COMPREHENSIVE", "HIGH", null, null],
          ["a6", "PROJECT_CRITICAL_RISK", "CRITICAL", null, null],
          ["a7", "PROJECT_OFF_TRACK", "HIGH", null, null],
          ["a8", "REFUND_AWAITING_APPROVAL", "CRITICAL", null, "g1"],
          ["a9", "GUARANTEE_MET", "INFO", null, "g1"],
          ["a10", "ACCOUNT_AT_RISK", "WARNING", null, null],
          ["a11", "ACCOUNT_AT_RISK", "WARNING", null, null],
          ["a12", "PROJECT_OFF_TRACK", "HIGH", null, null],
        ]);
        // every alert names its account: a project's alert gets the project's
        expect(rows.every((r) => r.customerAccountId === "acc")).toBe(true);
      });
    },
  );
});
