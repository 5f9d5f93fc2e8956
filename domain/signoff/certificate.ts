/**
 * The printable sign-off certificate of one week (docs/domain.md#sign-offs): every signature with its hashes, and the
 * chain's state when the certificate was issued. Pure: data in, a self-contained HTML document out
 * (inline print CSS, no script, every value escaped). "Print → Save as PDF" in any browser gives the PDF.
 */
import { escapeHtml, printableDocument, type DocumentBrand } from "@/lib/html";
import type { ChainVerification, SignOffDecision } from "./chain";
import { stakeholderRoleLabel } from "@/lib/labels/stakeholder-role";

export type CertificateData = {
  provider: string;
  customer: string;
  project: { id: string; name: string };
  milestone: { id: string; weekNumber: number; title: string; dueDate: Date; status: string; score: number | null };
  signatures: {
    seq: number;
    decision: SignOffDecision;
    comment: string | null;
    createdAt: Date;
    ip: string | null;
    userAgent: string | null;
    signer: { name: string; email: string; stakeholderRole: string | null };
    criterion: { name: string; deliverable: string };
    contentHash: string;
    prevHash: string | null;
    hash: string;
  }[];
  verification: ChainVerification;
  issuedAt: Date;
};

const DECISION: Record<SignOffDecision, string> = { APPROVED: "Approved", CHANGES_REQUESTED: "Changes requested" };
const utc = (d: Date) => `${d.toISOString().replace("T", " ").slice(0, 19)} UTC`;

export function certificateFileName(d: Pick<CertificateData, "project" | "milestone">): string {
  const slug =
    d.project.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "project";
  return `sign-off-certificate-${slug}-week-${d.milestone.weekNumber}.html`;
}

function verificationText(v: ChainVerification): { ok: boolean; text: string } {
  if (v.intact) {
    const content = v.contentChecked > 0 ? `; the signed content of ${v.contentChecked} of them matches its hash` : "";
    return {
      ok: true,
      text: `The project's sign-off chain was recomputed when this certificate was issued: all ${v.entries} entries are intact${content}.`,
    };
  }
  return {
    ok: false,
    text: `The project's sign-off chain is broken at entry #${v.firstBroken?.seq}: ${v.firstBroken?.reason ?? "unknown"}`,
  };
}

function signatureRows(d: CertificateData): string {
  if (d.signatures.length === 0) return `<p class="empty">No signature has been recorded for this week yet.</p>`;
  return d.signatures
    .map((s) => {
      const e = (v: string | null | undefined) => escapeHtml(v ?? "—");
      const role = stakeholderRoleLabel(s.signer.stakeholderRole);
      return `<section class="sig">
  <h3>#${s.seq} · ${e(s.criterion.name)} — <span class="${s.decision === "APPROVED" ? "ok" : "warn"}">${DECISION[s.decision]}</span></h3>
  <dl>
    <dt>Deliverable</dt><dd>${e(s.criterion.deliverable)}</dd>
    <dt>Signed by</dt><dd>${e(s.signer.name)} &lt;${e(s.signer.email)}&gt;${role ? `, ${e(role)}` : ""}</dd>
    <dt>Signed at</dt><dd>${utc(s.createdAt)}</dd>
    <dt>IP address</dt><dd>${e(s.ip)}</dd>
    <dt>User agent</dt><dd>${e(s.userAgent)}</dd>
    <dt>Comment</dt><dd class="comment">${e(s.comment)}</dd>
    <dt>Content hash</dt><dd class="hash">${e(s.contentHash)}</dd>
    <dt>Previous hash</dt><dd class="hash">${s.prevHash ? e(s.prevHash) : "— (first entry of the project)"}</dd>
    <dt>Entry hash</dt><dd class="hash">${e(s.hash)}</dd>
  </dl>
</section>`;
    })
    .join("\n");
}

export function renderCertificateHtml(d: CertificateData, brand?: DocumentBrand): string {
  const v = verificationText(d.verification);
  const title = `Sign-off certificate — ${d.project.name}, week ${d.milestone.weekNumber}`;
  const score = d.milestone.score === null ? "not scored yet" : `${d.milestone.score}`;
  return printableDocument({
    title,
    brand,
    css: `  h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
  h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
  h3 { font-size: 1rem; margin: 0 0 .5rem; }
  .status { border: 1px solid; border-radius: .5rem; padding: .75rem 1rem; }
  .status.ok, .ok { color: #065f46; }
  .status.bad, .warn { color: #92400e; }
  .sig { border: 1px solid #ccc; border-radius: .5rem; padding: .75rem 1rem; margin: .75rem 0; break-inside: avoid; }
  dl { display: grid; grid-template-columns: 9rem 1fr; gap: .25rem .75rem; margin: 0; }
  .hash { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; word-break: break-all; }
  .comment { white-space: pre-wrap; }
  @media print { .note { font-size: 12px; } }`,
    body: `<header>
  <h1>${escapeHtml(title)}</h1>
  <p class="meta">${escapeHtml(d.provider)} for ${escapeHtml(d.customer)} · Week ${d.milestone.weekNumber}: ${escapeHtml(d.milestone.title)} · due ${d.milestone.dueDate.toISOString().slice(0, 10)} · status ${escapeHtml(d.milestone.status.toLowerCase().replace("_", " "))}, score ${escapeHtml(score)}</p>
  <p class="meta">Issued ${utc(d.issuedAt)} · milestone ${escapeHtml(d.milestone.id)}</p>
</header>
<p class="status ${v.ok ? "ok" : "bad"}" role="status">${escapeHtml(v.text)}</p>
<h2>Signatures (${d.signatures.length})</h2>
${signatureRows(d)}
<h2>How to check these hashes</h2>
<p class="note">Each entry's content hash is the SHA-256 of the canonical JSON (keys sorted, no whitespace) of what the signer was shown: the criterion and its deliverable, the evidence and the score so far.
The entry hash is the SHA-256 of the previous entry's hash (empty for the first), a newline, the content hash, a newline, and the canonical JSON of the entry's facts
(seq, project, milestone and criterion ids, signer id, decision, comment, IP address, user agent, time). Entries of a project are numbered without gaps, so a changed, removed or reordered
entry breaks every hash after it. Keep this certificate: its hashes let anyone detect a later change.</p>
<p class="note">To save as PDF, use your browser's Print command and choose "Save as PDF".</p>`,
  });
}
