/**
 * The success dossier as one self-contained, printable HTML document (inline print CSS, no script, every
 * value escaped). "Print → Save as PDF" in any browser gives the PDF. Pure.
 */
import { escapeHtml, printableDocument, type DocumentBrand } from "@/lib/html";
import type { SuccessDossier } from "./dossier";

const e = (v: string | number | null | undefined) => escapeHtml(v === null || v === undefined ? "—" : String(v));
const list = (items: readonly string[], empty: string) =>
  items.length === 0 ? `<p class="empty">${e(empty)}</p>` : `<ul>${items.map((i) => `<li>${e(i)}</li>`).join("")}</ul>`;
const SERVICE: Record<string, string> = {
  MVP_DEVELOPMENT: "MVP development",
  LEGACY_MODERNIZATION: "Legacy modernization",
  TEAM_AUGMENTATION: "Team augmentation",
};

export function renderDossierHtml(d: SuccessDossier, brand?: DocumentBrand): string {
  const s = d.projectSummary;
  const title = `Success dossier — ${d.project.name}`;
  const metrics = d.metricsEvidence
    .map(
      (
        m,
      ) => `<tr><th scope="row">${e(m.criterion)}</th><td>${e(m.target)}</td><td>${e(m.actual)}</td><td>${e(m.achievementScore)}</td><td>${e(m.weightedScore)}</td></tr>
<tr class="detail"><td colspan="5">${list(m.evidence, "No evidence")}<p class="note">${e(m.confirmation)}</p></td></tr>`,
    )
    .join("\n");
  const weeks = d.technicalDeliverables.weeks
    .map(
      (w) =>
        `<section class="week"><h3>Week ${w.weekNumber}: ${e(w.title)} — ${e(w.status.toLowerCase().replace("_", " "))}${w.score === null ? "" : `, score ${e(w.score)}`}</h3>${list(w.deliverables, "No deliverables recorded")}</section>`,
    )
    .join("\n");
  const achievements = d.achievements.map(
    (a) => `${a.achievement}: ${a.actual} vs target ${a.target} (${a.improvement >= 0 ? "+" : ""}${a.improvement}%)`,
  );
  return printableDocument({
    title,
    brand,
    css: `  h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
  h2 { font-size: 1.15rem; margin: 1.75rem 0 .5rem; border-bottom: 1px solid #ddd; padding-bottom: .25rem; }
  h3 { font-size: 1rem; margin: .75rem 0 .25rem; }
  .score { font-size: 2rem; font-weight: 600; color: #065f46; }
  dl { display: grid; grid-template-columns: 12rem 1fr; gap: .25rem .75rem; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: .35rem .5rem; border-top: 1px solid #e5e5e5; vertical-align: top; }
  tr.detail td { border-top: none; padding-top: 0; }
  .flag { display: inline-block; border: 1px solid #065f46; color: #065f46; border-radius: .4rem; padding: .1rem .5rem; }
  section, tr { break-inside: avoid; }`,
    body: `<header>
  <h1>${e(title)}</h1>
  <p class="meta">${e(d.provider)} for ${e(s.customerName)} · ${e(SERVICE[s.serviceType] ?? s.serviceType)} · issued ${e(d.issuedAt.toISOString().slice(0, 10))}</p>
</header>
<h2>Project summary</h2>
<p class="score">${e(s.successScore)} / 100</p>
<dl>
  <dt>Guarantee threshold</dt><dd>${e(s.guaranteeThreshold)}</dd>
  <dt>Success margin</dt><dd>${s.successMargin >= 0 ? "+" : ""}${e(s.successMargin)}</dd>
  <dt>Project duration</dt><dd>${e(s.projectDurationDays)} days</dd>
  <dt>Case-study potential</dt><dd>${d.caseStudy.potential ? '<span class="flag">Yes</span>' : "No"} — ${e(d.caseStudy.reasons.join("; "))}</dd>
</dl>
<h2>Achievements</h2>
${list(achievements, "No criterion reached its full target.")}
<h2>Metrics and evidence</h2>
<table>
<thead><tr><th scope="col">Criterion</th><th scope="col">Target</th><th scope="col">Actual</th><th scope="col">Achievement</th><th scope="col">Weighted</th></tr></thead>
<tbody>
${metrics}
</tbody>
</table>
<h2>What the stakeholders said</h2>
${list(d.stakeholderTestimonials, "No written feedback was given.")}
<h2>Technical deliverables</h2>
${d.technicalDeliverables.productionUrl ? `<p>Production: ${e(d.technicalDeliverables.productionUrl)}</p>` : ""}
${list(d.technicalDeliverables.codebase, "No CI evidence recorded.")}
${weeks}
<h2>Business impact</h2>
${list(d.businessImpact, "—")}
<h2>What could come next</h2>
${list(
  d.expansionOpportunities.map((o) => `${o.title}: ${o.reason}`),
  "No expansion opportunity identified.",
)}
<p class="note">To save as PDF, use your browser's Print command and choose "Save as PDF".</p>`,
  });
}
