/**
 * Tamper-evident sign-offs (docs/domain.md#sign-offs). Pure: no I/O, no clock.
 *
 * - What the approver saw (criterion, deliverable, evidence, score so far) is serialised as canonical
 *   JSON (object keys sorted at every depth, no whitespace) and hashed: `contentHash`.
 * - Each entry's `hash` is SHA-256 over the previous entry's hash of the same project, the content hash
 *   and the entry's own facts (seq, who, which criterion, decision, comment, IP, user agent, when), also
 *   as canonical JSON. Editing any of those, deleting an entry or reordering entries breaks the chain at
 *   that entry, and every later hash depends on it.
 * - `verifyChain` recomputes every link in seq order and reports the first broken one. Anchors — hashes
 *   recorded elsewhere (the audit trail, a downloaded certificate) — also reveal a removed last entry,
 *   which a chain alone cannot show.
 */
import { createHash } from "node:crypto";
import type { MilestoneStatus } from "@/generated/prisma/enums";

export type SignOffDecision = "APPROVED" | "CHANGES_REQUESTED";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };

/** Canonical JSON: sorted keys at every depth, `undefined` members dropped, no whitespace. */
export function canonicalJson(value: Json): string {
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error("canonical JSON has no representation for a non-finite number");
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const members = Object.keys(value)
    .sort()
    .flatMap((key) => {
      const member = value[key];
      return member === undefined ? [] : [`${JSON.stringify(key)}:${canonicalJson(member)}`];
    });
  return `{${members.join(",")}}`;
}

export const sha256Hex = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

/** Version of the signed-content layout; a later layout gets a new number, old entries keep theirs. */
export const SIGNED_CONTENT_VERSION = 1;

export type EvidenceLink = { label: string; url: string };

/** Exactly what the approver is shown before deciding. */
export type SignedContent = {
  version: typeof SIGNED_CONTENT_VERSION;
  project: { id: string; name: string };
  milestone: { id: string; weekNumber: number; title: string; dueDate: string };
  criterion: { id: string; name: string; deliverable: string; validationMethod: string; weight: number };
  evidence: { summary: string | null; links: EvidenceLink[] };
  /** 0–100, null while not scored */
  scoreSoFar: { criterion: number | null; milestone: number | null; milestoneStatus: MilestoneStatus };
};

export function contentHash(content: SignedContent): string {
  return sha256Hex(canonicalJson(content));
}

/** The facts of one entry that its hash covers, besides the content hash and the previous hash. */
export type SignOffFacts = {
  seq: number;
  projectId: string;
  milestoneId: string;
  criterionId: string;
  userId: string;
  decision: SignOffDecision;
  comment: string | null;
  ip: string | null;
  userAgent: string | null;
  createdAt: Date;
};

/** Only the named facts are hashed (never whatever else the caller's object carries). */
export function entryHash(prevHash: string | null, contentHashHex: string, f: SignOffFacts): string {
  const metadata = canonicalJson({
    seq: f.seq,
    projectId: f.projectId,
    milestoneId: f.milestoneId,
    criterionId: f.criterionId,
    userId: f.userId,
    decision: f.decision,
    comment: f.comment,
    ip: f.ip,
    userAgent: f.userAgent,
    createdAt: f.createdAt.toISOString(),
  });
  return sha256Hex(`${prevHash ?? ""}\n${contentHashHex}\n${metadata}`);
}

/** The next entry of a project's chain: seq and prevHash follow the current head (null for the first). */
export function nextEntry(
  head: { seq: number; hash: string } | null,
  content: SignedContent,
  facts: Omit<SignOffFacts, "seq">,
): { seq: number; prevHash: string | null; contentHash: string; hash: string } {
  const seq = (head?.seq ?? 0) + 1;
  const prevHash = head?.hash ?? null;
  const ch = contentHash(content);
  return { seq, prevHash, contentHash: ch, hash: entryHash(prevHash, ch, { ...facts, seq }) };
}

export type StoredEntry = SignOffFacts & {
  id?: string;
  contentHash: string;
  prevHash: string | null;
  hash: string;
  /** the signed content when it was kept (audit trail): then its hash is checked too */
  content?: SignedContent | null;
};

export type BrokenLink = {
  seq: number;
  id?: string;
  kind:
    | "missing_entry"
    | "prev_hash_mismatch"
    | "hash_mismatch"
    | "content_mismatch"
    | "anchor_mismatch"
    | "unrecorded_entry";
  reason: string;
};

export type ChainVerification = {
  intact: boolean;
  entries: number;
  /** entries whose signed content was available and matched its hash */
  contentChecked: number;
  headHash: string | null;
  firstBroken: BrokenLink | null;
};

/**
 * Recomputes the chain in the given order (the store's seq order). Seq must run 1, 2, 3, … with no gap;
 * each prevHash must be the previous entry's hash; each hash must match its facts. `anchors` are
 * (seq, hash) pairs known from an independent record: each must match the entry with that seq. With
 * `everyEntryAnchored`, an entry without an anchor is reported too: a well-formed entry appended behind the
 * app's back (its hash is computable by anyone) has no record in the (hash-chained) audit trail.
 */
export function verifyChain(
  entries: readonly StoredEntry[],
  anchors: readonly { seq: number; hash: string }[] = [],
  options: { everyEntryAnchored?: boolean } = {},
): ChainVerification {
  let prev: StoredEntry | null = null;
  let contentChecked = 0;
  const bySeq = new Map<number, StoredEntry>();
  const result = (firstBroken: BrokenLink | null): ChainVerification => ({
    intact: firstBroken === null,
    entries: entries.length,
    contentChecked,
    headHash: entries.at(-1)?.hash ?? null,
    firstBroken,
  });

  for (const [i, e] of entries.entries()) {
    const expectedSeq = i + 1;
    const at = { seq: e.seq, id: e.id };
    if (e.seq !== expectedSeq) {
      // the missing entry is the first bad one: name its seq (the entry found in its place has its own)
      return result({
        seq: expectedSeq,
        kind: "missing_entry",
        reason: `Expected entry #${expectedSeq} but found #${e.seq}: an entry was removed or renumbered.`,
      });
    }
    if (e.prevHash !== (prev?.hash ?? null)) {
      const reason = prev
        ? `Entry #${e.seq} does not point to entry #${prev.seq}'s hash: entries were removed, inserted or reordered.`
        : `Entry #1 points to a previous entry although it is the first.`;
      return result({ ...at, kind: "prev_hash_mismatch", reason });
    }
    if (entryHash(e.prevHash, e.contentHash, e) !== e.hash) {
      return result({
        ...at,
        kind: "hash_mismatch",
        reason: `Entry #${e.seq} was changed after it was recorded: its hash no longer matches its decision, signer, comment, time or content hash.`,
      });
    }
    if (e.content) {
      if (contentHash(e.content) !== e.contentHash) {
        return result({
          ...at,
          kind: "content_mismatch",
          reason: `The content kept for entry #${e.seq} is not what was signed: its hash differs.`,
        });
      }
      contentChecked += 1;
    }
    bySeq.set(e.seq, e);
    prev = e;
  }
  for (const anchor of [...anchors].sort((x, y) => x.seq - y.seq)) {
    const e = bySeq.get(anchor.seq);
    if (!e)
      return result({
        seq: anchor.seq,
        kind: "missing_entry",
        reason: `Entry #${anchor.seq} was recorded (audit trail) but is missing from the chain.`,
      });
    if (e.hash !== anchor.hash)
      return result({
        seq: e.seq,
        id: e.id,
        kind: "anchor_mismatch",
        reason: `Entry #${e.seq}'s hash differs from the one recorded when it was signed.`,
      });
  }
  if (options.everyEntryAnchored) {
    const anchored = new Set(anchors.map((a) => a.seq));
    const unrecorded = entries.find((e) => !anchored.has(e.seq));
    if (unrecorded)
      return result({
        seq: unrecorded.seq,
        id: unrecorded.id,
        kind: "unrecorded_entry",
        reason: `Entry #${unrecorded.seq} has no record in the audit trail: it was not written by a sign-off.`,
      });
  }
  return result(null);
}
