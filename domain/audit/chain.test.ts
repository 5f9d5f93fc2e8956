import { describe, expect, it } from "vitest";
import { auditEntryHash, verifyAuditChain, type AuditChainRow } from "./chain";

/** A chain of n entries linked as the database links them. */
function chain(n: number): AuditChainRow[] {
  const rows: AuditChainRow[] = [];
  for (let seq = 1; seq <= n; seq += 1) {
    const base = {
      id: `a${seq}`,
      tenantId: "t1",
      seq,
      prevHash: rows.at(-1)?.hash ?? null,
      actorId: "u1",
      action: "lead.updated",
      entityType: "Lead",
      entityId: `l${seq}`,
      beforeText: null,
      afterText: `{"n": ${seq}, "name": "Zoë 🎉"}`,
      ip: "203.0.113.1",
      requestId: `r${seq}`,
      createdAt: new Date(Date.UTC(2026, 10, seq, 9)),
    };
    rows.push({ ...base, hash: auditEntryHash(base) });
  }
  return rows;
}
const headOf = (rows: AuditChainRow[]) => ({ seq: rows.at(-1)?.seq ?? 0, hash: rows.at(-1)?.hash ?? null });

describe("audit chain verifier", () => {
  it("accepts an intact chain and an empty one", () => {
    const c = chain(5);
    expect(verifyAuditChain(c, headOf(c))).toEqual({ ok: true, entries: 5, headSeq: 5, firstBad: null });
    expect(verifyAuditChain([], null)).toMatchObject({ ok: true, entries: 0 });
  });

  it("hashes every field: changing any one changes the hash (UTF-8 byte lengths keep fields apart)", () => {
    const [e] = chain(1) as [AuditChainRow];
    const base = auditEntryHash(e);
    for (const patch of [
      { id: "x" },
      { tenantId: null },
      { seq: 2 },
      { prevHash: "0" },
      { actorId: null },
      { action: "x" },
      { entityType: "x" },
      { entityId: null },
      { beforeText: "{}" },
      { afterText: '{"n": 1, "name": "Zoe 🎉"}' },
      { ip: null },
      { requestId: "x" },
      { createdAt: new Date(0) },
    ]) {
      expect(auditEntryHash({ ...e, ...patch }), JSON.stringify(patch)).not.toBe(base);
    }
    // moving text between adjacent fields is not the same payload
    expect(auditEntryHash({ ...e, action: "ab", entityType: "c" })).not.toBe(
      auditEntryHash({ ...e, action: "a", entityType: "bc" }),
    );
  });

  it("names the first bad entry for each kind of tampering", () => {
    const c = chain(5);
    const changed = c.map((r) => (r.seq === 3 ? { ...r, action: "lead.deleted" } : r));
    expect(verifyAuditChain(changed, headOf(c)).firstBad).toMatchObject({ seq: 3, id: "a3", kind: "content_changed" });
    expect(
      verifyAuditChain(
        c.filter((r) => r.seq !== 2),
        headOf(c),
      ).firstBad,
    ).toMatchObject({ seq: 2, id: null, kind: "missing" });
    expect(verifyAuditChain(c.slice(0, 4), headOf(c)).firstBad).toMatchObject({ seq: 5, id: null, kind: "missing" });
    const swapped = [c[0], { ...c[2], seq: 2 }, { ...c[1], seq: 3 }, c[3], c[4]] as AuditChainRow[];
    expect(verifyAuditChain(swapped, headOf(c)).firstBad).toMatchObject({ seq: 2, id: "a3", kind: "out_of_order" });
    const relinked = c.map((r) => (r.seq === 4 ? { ...r, prevHash: "f".repeat(64) } : r));
    expect(verifyAuditChain(relinked, headOf(c)).firstBad).toMatchObject({ seq: 4, kind: "link_broken" });
    const longer = chain(6);
    expect(verifyAuditChain(longer, headOf(c)).firstBad).toMatchObject({ seq: 6, id: "a6", kind: "inserted" });
    expect(verifyAuditChain(c, { seq: 5, hash: "0".repeat(64) }).firstBad).toMatchObject({
      seq: 5,
      id: "a5",
      kind: "head_mismatch",
    });
    expect(verifyAuditChain(c, null).firstBad).toMatchObject({ seq: 1, kind: "inserted" });
  });
});
