import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * docs/security.md#audit-chain: "the application's code has no path that updates or deletes audit rows". The database
 * refuses it too (trigger audit_refuse_change); this scan keeps the code from even trying: no Prisma
 * update/delete/upsert on auditEvent, auditChainHead or signOff, and no raw SQL UPDATE/DELETE on their tables.
 */
const root = path.resolve(import.meta.dirname, "..", "..");
const SCANNED = ["server", "app", "prisma", "scripts", "lib", "components"];
const SKIPPED = new Set(["node_modules", "generated", ".next"]);
/** the migration that created the chain backfills the existing rows before its triggers exist */
const ALLOWED = new Set([path.join("prisma", "migrations", "20261202142500_audit_chain", "migration.sql")]);

const PRISMA_WRITE =
  /\b(auditEvent|auditChainHead|signOff)\s*\.\s*(update|updateMany|updateManyAndReturn|delete|deleteMany|upsert)\s*\(/;
const SQL_WRITE =
  /\b(UPDATE|DELETE\s+FROM|TRUNCATE(\s+TABLE)?)\s+(ONLY\s+)?"?(public"?\."?)?"(AuditEvent|AuditChainHead|SignOff)"/i;

function offendingLines(text: string): string[] {
  return text.split("\n").filter((line) => PRISMA_WRITE.test(line) || SQL_WRITE.test(line));
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIPPED.has(name)) return [];
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return files(full);
    return /\.(ts|tsx|js|mjs|sql)$/.test(name) ? [full] : [];
  });
}

describe("audit and sign-off rows are append-only in the code", () => {
  it("recognises the forbidden writes (so the scan below would fail on one)", () => {
    for (const bad of [
      "await tx.auditEvent.update({ where: { id } })",
      "db.auditEvent.deleteMany({})",
      "prisma.signOff.upsert({",
      "tx.auditChainHead.update({",
      'UPDATE "AuditEvent" SET action = 1',
      'delete from "SignOff" where id = $1',
      'DELETE FROM public."AuditEvent"',
      'TRUNCATE "AuditEvent"',
    ])
      expect(offendingLines(bad), bad).toHaveLength(1);
    for (const fine of [
      "tx.auditEvent.create({",
      "db.auditEvent.findMany({",
      'INSERT INTO "AuditEvent"',
      'SELECT * FROM "SignOff"',
    ]) {
      expect(offendingLines(fine), fine).toHaveLength(0);
    }
  });

  it(`no file under ${SCANNED.join(", ")} updates or deletes them`, () => {
    const found = SCANNED.flatMap((dir) => files(path.join(root, dir)))
      .filter((file) => !ALLOWED.has(path.relative(root, file)))
      .flatMap((file) =>
        offendingLines(readFileSync(file, "utf8")).map((line) => `${path.relative(root, file)}: ${line.trim()}`),
      );
    expect(found).toEqual([]);
  });
});
