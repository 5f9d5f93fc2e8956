import type { Db } from "../../server/db/client";
import { SIGN_OFF_AUDIT_ACTION } from "../../server/db/signoffs";
import { projectsWithSignOffs } from "../../server/db/integrity";
import { verifyAllChains } from "../../server/services/integrity";

/**
 * What must hold after the kill -9 and the restart, read straight from the database (the script's own
 * client): no half-written sign-off or refund transition, every acknowledged write present, every
 * project's sign-off chain intact. Each check is one line of the figure and one passed/failed count.
 */
export type Check = { name: string; ok: boolean; detail: string };
export type Acked = { signOffIds: string[]; refundVersions: { refundId: string; version: number }[] };

const check = (name: string, ok: boolean, detail: string): Check => ({ name, ok, detail });

/** The sign-off rows before the load (the seed's, each with its audit entry like any other). */
export async function signOffIds(db: Db): Promise<Set<string>> {
  return new Set((await db.signOff.findMany({ select: { id: true } })).map((r) => r.id));
}

export async function signOffPairs(db: Db, acked: Acked, before: Set<string>): Promise<Check[]> {
  const rows = await db.signOff.findMany({ select: { id: true } });
  const audits = await db.auditEvent.findMany({ where: { action: SIGN_OFF_AUDIT_ACTION }, select: { entityId: true } });
  const ids = new Set(rows.map((r) => r.id));
  const audited = new Set(audits.map((a) => a.entityId));
  const orphanRows = rows.filter((r) => !audited.has(r.id)).length;
  const orphanAudits = audits.filter((a) => !a.entityId || !ids.has(a.entityId)).length;
  const missing = acked.signOffIds.filter((id) => !ids.has(id)).length;
  return [
    check(
      "every SignOff has its audit entry",
      orphanRows === 0,
      `${rows.length} sign-offs (${rows.length - before.size} written by the run), ${orphanRows} without audit`,
    ),
    check(
      "every sign-off audit entry has its SignOff",
      orphanAudits === 0,
      `${audits.length} audit entries, ${orphanAudits} without sign-off`,
    ),
    check(
      "acknowledged sign-offs are durable",
      missing === 0,
      `${acked.signOffIds.length} acknowledged, ${missing} missing`,
    ),
  ];
}

type Versioned = { status?: unknown; version?: unknown } | null;

/** A refund at version v has exactly the transition audits 1..v, the last one naming its status. */
export async function refundPairs(db: Db, refundIds: string[], acked: Acked): Promise<Check[]> {
  let broken = 0;
  let transitions = 0;
  const versions = new Map<string, number>();
  for (const id of refundIds) {
    const r = await db.refund.findUniqueOrThrow({ where: { id }, select: { status: true, version: true } });
    versions.set(id, r.version);
    const audits = await db.auditEvent.findMany({
      where: { entityType: "Refund", entityId: id },
      select: { before: true, after: true },
    });
    const moves = audits.filter((a) => (a.before as Versioned)?.version !== undefined).map((a) => a.after as Versioned);
    transitions += moves.length;
    const seen = moves.map((m) => Number(m?.version)).sort((a, b) => a - b);
    const expected = Array.from({ length: r.version }, (_, i) => i + 1);
    const last = moves.find((m) => Number(m?.version) === r.version);
    if (seen.join() !== expected.join() || (r.version > 0 && last?.status !== r.status)) broken += 1;
  }
  const lost = acked.refundVersions.filter((a) => (versions.get(a.refundId) ?? -1) < a.version).length;
  return [
    check(
      "every refund's state/version matches its audit entries",
      broken === 0,
      `${refundIds.length} refunds, ${transitions} audited transitions, ${broken} inconsistent`,
    ),
    check(
      "acknowledged refund transitions are durable",
      lost === 0,
      `${acked.refundVersions.length} acknowledged, ${lost} missing`,
    ),
  ];
}

/**
 * Every chain in the database verifies after the crash — the same verifier a restore is checked with
 * (server/services/integrity.ts verifyAllChains: each project's sign-off chain, each tenant's audit
 * chain): no torn append. Also returns the projects with sign-offs, for the check over HTTP.
 */
export async function chainChecks(
  db: Db,
  now: Date,
): Promise<{ checks: Check[]; projects: { id: string; tenantId: string }[] }> {
  const reports = await verifyAllChains(db, now);
  const checks = reports.map((r) =>
    check(
      `every ${r.name.replace(/s$/, "")} verifies (in process)`,
      r.broken.length === 0,
      `${r.chains} chains, ${r.entries} entries, ${r.broken.length} broken${r.broken.length ? `: ${r.broken.slice(0, 5).join("; ")}` : ""}`,
    ),
  );
  return { checks, projects: await projectsWithSignOffs(db) };
}
