/**
 * Audit-chain verifier (docs/security.md#audit-chain, docs/security.md). Pure: no I/O, no clock.
 *
 * Each tenant's audit events (and, separately, the events with no tenant) form a hash chain linked by the
 * database itself (trigger audit_chain_append, migration audit_chain): seq 1, 2, 3, …, each entry's prevHash
 * is the previous entry's hash, and its hash is SHA-256 over every stored field. A head row keeps the newest
 * (seq, hash), so a deleted last entry or an entry appended behind the trigger's back shows too.
 *
 * The payload mirrors SQL audit_entry_hash exactly: "audit-v1" then each field as "~" (NULL) or
 * "<UTF-8 byte length>:<text>". JSON fields are PostgreSQL's own jsonb::text, read back verbatim, so the
 * verifier never re-serialises JSON (key order, unicode escapes and number formats cannot drift).
 */
import { sha256Hex } from "@/domain/signoff/chain";

export type AuditChainRow = {
  id: string;
  tenantId: string | null;
  seq: number;
  prevHash: string | null;
  hash: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  /** jsonb::text as PostgreSQL renders it */
  beforeText: string | null;
  afterText: string | null;
  ip: string | null;
  requestId: string | null;
  createdAt: Date;
};

export type AuditChainHead = { seq: number; hash: string | null };

export type AuditBreakKind =
  "content_changed" | "link_broken" | "missing" | "out_of_order" | "inserted" | "head_mismatch";

export type AuditBreak = {
  seq: number;
  /** the row at fault; null when the entry is missing */
  id: string | null;
  kind: AuditBreakKind;
  reason: string;
};

export type AuditVerification = { ok: boolean; entries: number; headSeq: number; firstBad: AuditBreak | null };

const field = (v: string | null) => (v === null ? "~" : `${Buffer.byteLength(v, "utf8")}:${v}`);

/** Hash of one entry over all its stored fields (same bytes as SQL audit_entry_hash). */
export function auditEntryHash(r: Omit<AuditChainRow, "hash">): string {
  const fields = [
    r.id,
    r.tenantId,
    String(r.seq),
    r.prevHash,
    r.actorId,
    r.action,
    r.entityType,
    r.entityId,
    r.beforeText,
    r.afterText,
    r.ip,
    r.requestId,
    r.createdAt.toISOString(),
  ];
  return sha256Hex(`audit-v1${fields.map(field).join("")}`);
}

/**
 * Walks the rows in seq order and reports the first bad entry. Checks per entry, in this order: it lies
 * beyond the head (inserted), a seq was skipped (missing), its prevHash is not the previous entry's hash
 * (out of order when it is some other entry's hash, else link broken), its hash does not match its fields
 * (content changed). Finally the last entry must be the head.
 */
export function verifyAuditChain(
  rowsInSeqOrder: readonly AuditChainRow[],
  head: AuditChainHead | null,
): AuditVerification {
  const headSeq = head?.seq ?? 0;
  const done = (firstBad: AuditBreak | null): AuditVerification => ({
    ok: firstBad === null,
    entries: rowsInSeqOrder.length,
    headSeq,
    firstBad,
  });
  const seqOfHash = new Map(rowsInSeqOrder.map((r) => [r.hash, r.seq]));
  let prev: AuditChainRow | null = null;

  for (const [i, r] of rowsInSeqOrder.entries()) {
    const expected = i + 1;
    if (r.seq > headSeq && expected > headSeq) {
      return done({
        seq: r.seq,
        id: r.id,
        kind: "inserted",
        reason: `Entry #${r.seq} lies beyond the chain's head (#${headSeq}): it was added without being chained.`,
      });
    }
    if (r.seq !== expected) {
      return done({
        seq: expected,
        id: null,
        kind: "missing",
        reason: `Entry #${expected} is missing: the chain goes from #${expected - 1} to #${r.seq}.`,
      });
    }
    const expectedPrev = prev?.hash ?? null;
    if (r.prevHash !== expectedPrev) {
      const pointsTo = r.prevHash === null ? undefined : seqOfHash.get(r.prevHash);
      if (pointsTo !== undefined && pointsTo !== expected - 1) {
        return done({
          seq: r.seq,
          id: r.id,
          kind: "out_of_order",
          reason: `Entry #${r.seq} follows entry #${pointsTo}, not #${expected - 1}: entries were reordered.`,
        });
      }
      return done({
        seq: r.seq,
        id: r.id,
        kind: "link_broken",
        reason: `Entry #${r.seq} does not point to entry #${expected - 1}'s hash: an entry before it was changed, removed or replaced.`,
      });
    }
    if (auditEntryHash(r) !== r.hash) {
      return done({
        seq: r.seq,
        id: r.id,
        kind: "content_changed",
        reason: `Entry #${r.seq} was changed after it was recorded: its hash no longer matches its fields.`,
      });
    }
    prev = r;
  }
  if (headSeq > (prev?.seq ?? 0)) {
    const seq = (prev?.seq ?? 0) + 1;
    return done({
      seq,
      id: null,
      kind: "missing",
      reason: `Entry #${seq} is missing: the head says the chain reaches #${headSeq}, the last entry stored is #${seq - 1}.`,
    });
  }
  if (prev && prev.hash !== head?.hash) {
    return done({
      seq: prev.seq,
      id: prev.id,
      kind: "head_mismatch",
      reason: `Entry #${prev.seq}'s hash differs from the chain head's: the newest entry was replaced.`,
    });
  }
  return done(null);
}
