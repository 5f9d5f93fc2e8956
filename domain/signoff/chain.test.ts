import { describe, expect, it } from "vitest";
import {
  canonicalJson,
  contentHash,
  entryHash,
  nextEntry,
  sha256Hex,
  verifyChain,
  type SignedContent,
  type StoredEntry,
} from "./chain";

const content = (criterionId: string, score: number | null = 80): SignedContent => ({
  version: 1,
  project: { id: "p1", name: "Patient Intake" },
  milestone: { id: "m1", weekNumber: 1, title: "Foundation", dueDate: "2026-01-08T00:00:00.000Z" },
  criterion: {
    id: criterionId,
    name: "Requirements Analysis Complete",
    deliverable: "Spec",
    validationMethod: "stakeholder_sign_off",
    weight: 0.3,
  },
  evidence: { summary: "scored 80", links: [{ label: "Build", url: "https://ci.example/1" }] },
  scoreSoFar: { criterion: score, milestone: 72.5, milestoneStatus: "IN_PROGRESS" },
});

/** A valid chain of n entries, as the service would have written it. */
function chain(n: number): StoredEntry[] {
  const out: StoredEntry[] = [];
  for (let i = 0; i < n; i += 1) {
    const c = content(`c${i % 2}`);
    const facts = {
      projectId: "p1",
      milestoneId: "m1",
      criterionId: `c${i % 2}`,
      userId: `u${i % 3}`,
      decision: i % 4 === 3 ? ("CHANGES_REQUESTED" as const) : ("APPROVED" as const),
      comment: i % 2 ? `comment ${i}` : null,
      ip: "203.0.113.9",
      userAgent: "Mozilla/5.0",
      createdAt: new Date(Date.UTC(2026, 0, 8, 10, i)),
    };
    const head = out.at(-1);
    const e = nextEntry(head ? { seq: head.seq, hash: head.hash } : null, c, facts);
    out.push({ ...facts, ...e, id: `s${i + 1}`, content: c });
  }
  return out;
}

describe("canonical JSON", () => {
  it("sorts keys at every depth, keeps array order, drops undefined, has no whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: "x" }, e: undefined, f: null })).toBe(
      '{"a":{"c":"x","d":[3,1]},"b":1,"f":null}',
    );
  });

  it("gives the same hash whatever order the object was built in", () => {
    const a = content("c1");
    const b: SignedContent = {
      scoreSoFar: a.scoreSoFar,
      evidence: a.evidence,
      criterion: a.criterion,
      milestone: a.milestone,
      project: a.project,
      version: 1,
    };
    expect(contentHash(b)).toBe(contentHash(a));
    expect(contentHash(a)).toBe(sha256Hex(canonicalJson(a)));
    expect(contentHash(content("c1", 81))).not.toBe(contentHash(a));
  });

  it("refuses numbers JSON cannot represent", () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(/non-finite/);
  });
});

describe("hash chain", () => {
  it("starts at seq 1 without a previous hash and links every entry to the one before", () => {
    const c = chain(3);
    expect(c.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(c[0]?.prevHash).toBeNull();
    expect(c[1]?.prevHash).toBe(c[0]?.hash);
    expect(c[2]?.prevHash).toBe(c[1]?.hash);
    expect(c.every((e) => /^[0-9a-f]{64}$/.test(e.hash))).toBe(true);
  });

  it("covers every fact: the same entry with another comment, IP, user agent, decision or time hashes differently", () => {
    const [e] = chain(1);
    if (!e) throw new Error("no entry");
    const base = entryHash(e.prevHash, e.contentHash, e);
    expect(base).toBe(e.hash);
    for (const patch of [
      { comment: "edited" },
      { ip: "198.51.100.1" },
      { userAgent: "curl" },
      { decision: "CHANGES_REQUESTED" as const },
      { createdAt: new Date(0) },
      { userId: "other" },
      { criterionId: "c9" },
    ]) {
      expect(entryHash(e.prevHash, e.contentHash, { ...e, ...patch }), JSON.stringify(patch)).not.toBe(base);
    }
  });

  it("an intact chain verifies, with every kept content checked", () => {
    const c = chain(6);
    expect(
      verifyChain(
        c,
        c.map((e) => ({ seq: e.seq, hash: e.hash })),
      ),
    ).toEqual({ intact: true, entries: 6, contentChecked: 6, headHash: c[5]?.hash, firstBroken: null });
    expect(verifyChain([])).toMatchObject({ intact: true, entries: 0, headHash: null });
  });

  it("detects a changed entry (comment edited in the database) at that entry", () => {
    const c = chain(5);
    c[2] = { ...(c[2] as StoredEntry), comment: "I never said that" };
    expect(verifyChain(c).firstBroken).toMatchObject({ seq: 3, kind: "hash_mismatch" });
  });

  it("detects a changed decision whose hash was recomputed: the next entry no longer links to it", () => {
    const c = chain(5);
    const e = c[1] as StoredEntry;
    const forged = { ...e, decision: "APPROVED" as const, comment: "forged" };
    c[1] = { ...forged, hash: entryHash(forged.prevHash, forged.contentHash, forged) };
    expect(verifyChain(c).firstBroken).toMatchObject({ seq: 3, kind: "prev_hash_mismatch" });
  });

  it("detects a deleted entry in the middle", () => {
    const c = chain(5);
    c.splice(2, 1);
    expect(verifyChain(c).firstBroken).toMatchObject({ seq: 3, kind: "missing_entry" });
  });

  it("detects a deleted entry renumbered to hide the gap", () => {
    const c = chain(5);
    c.splice(1, 1);
    const renumbered = c.map((e, i) => ({ ...e, seq: i + 1 }));
    expect(verifyChain(renumbered).firstBroken).toMatchObject({ seq: 2, kind: "prev_hash_mismatch" });
  });

  it("detects a removed last entry only through an anchor (audit trail or certificate)", () => {
    const c = chain(4);
    const anchors = c.map((e) => ({ seq: e.seq, hash: e.hash }));
    const truncated = c.slice(0, 3);
    expect(verifyChain(truncated).intact).toBe(true);
    expect(verifyChain(truncated, anchors).firstBroken).toMatchObject({ seq: 4, kind: "missing_entry" });
  });

  it("detects reordered entries, whether swapped in place or renumbered", () => {
    const c = chain(4);
    const swapped = [c[0], c[2], c[1], c[3]] as StoredEntry[];
    expect(verifyChain(swapped).firstBroken).toMatchObject({ seq: 2, kind: "missing_entry" });
    const renumbered = swapped.map((e, i) => ({ ...e, seq: i + 1 }));
    expect(verifyChain(renumbered).firstBroken).toMatchObject({ seq: 2, kind: "prev_hash_mismatch" });
  });

  it("detects signed content replaced after the fact, and a hash that differs from its anchor", () => {
    const c = chain(3);
    c[1] = { ...(c[1] as StoredEntry), content: content("c1", 100) };
    expect(verifyChain(c).firstBroken).toMatchObject({ seq: 2, kind: "content_mismatch" });
    const d = chain(3);
    expect(verifyChain(d, [{ seq: 2, hash: "0".repeat(64) }]).firstBroken).toMatchObject({
      seq: 2,
      kind: "anchor_mismatch",
    });
  });

  it("detects a first entry that claims a predecessor", () => {
    const c = chain(2);
    c[0] = { ...(c[0] as StoredEntry), prevHash: "f".repeat(64) };
    expect(verifyChain(c).firstBroken).toMatchObject({ seq: 1, kind: "prev_hash_mismatch" });
  });

  it("with every entry anchored required, reports a well-formed entry the audit trail never recorded", () => {
    const c = chain(4);
    const anchors = c.slice(0, 3).map((e) => ({ seq: e.seq, hash: e.hash }));
    expect(verifyChain(c, anchors).intact).toBe(true);
    expect(verifyChain(c, anchors, { everyEntryAnchored: true }).firstBroken).toMatchObject({
      seq: 4,
      kind: "unrecorded_entry",
    });
  });
});
