import { createHash } from "node:crypto";

/**
 * Tamper evidence for sign-offs (DESIGN "Data"): each row hashes what was signed and chains to the
 * previous row of the same project, so editing or deleting any row breaks every later hash.
 */
export type SignOffContent = {
  criterionId: string;
  criterionName: string;
  deliverable: string;
  score: number | null;
  milestoneId: string;
};

export type SignOffHashInput = {
  content: SignOffContent;
  prevHash: string | null;
  userId: string;
  decision: "APPROVED" | "CHANGES_REQUESTED";
  createdAt: Date;
  seq: number;
};

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Key order is fixed here (not taken from the caller's object) so the hash is reproducible. */
export function signOffContentHash(content: SignOffContent): string {
  const { criterionId, criterionName, deliverable, score, milestoneId } = content;
  return sha256Hex(JSON.stringify({ criterionId, criterionName, deliverable, score, milestoneId }));
}

export function signOffHash(input: SignOffHashInput): { contentHash: string; hash: string } {
  const contentHash = signOffContentHash(input.content);
  const hash = sha256Hex(
    `${input.prevHash ?? ""}|${contentHash}|${input.userId}|${input.decision}|${input.createdAt.toISOString()}|${input.seq}`,
  );
  return { contentHash, hash };
}
