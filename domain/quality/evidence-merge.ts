/**
 * Per-commit evidence (docs/ci-evidence.md#merging-per-commit): a commit's evidence is the union of every post
 * for it — the pipeline's test job posts coverage and JUnit, its audit job the npm audit, its benchmark
 * job k6 — and the last value wins per metric. Every metric remembers where it came from (the post, the
 * part and file, the tool and format, the job and commit), and the gates' explanations cite it.
 * Within one post, files are taken in the order they were sent and a later file's metric wins — except
 * test counts, which add up (Surefire writes one JUnit file per test class).
 */
import { formatDate } from "@/lib/format";
import type { ParsedReport, ReportKind, ReportMetric, ReportMetrics } from "./reports/detect";

export const EVIDENCE_METRICS = [
  "coverage",
  "complexity",
  "maintainability",
  "vulnerabilitiesHigh",
  "vulnerabilitiesCritical",
  "benchmarkP95Ms",
  "testsPassed",
  "testsFailed",
] as const satisfies readonly ReportMetric[];

/** Metrics that add up over the files of one post. */
const SUMMED: ReadonlySet<ReportMetric> = new Set(["testsPassed", "testsFailed"]);

export type MetricProvenance = {
  /** the EvidencePost it came from */
  postId: string;
  /** ISO time of that post */
  at: string;
  /** the multipart part ("coverage", …), or "json" for a JSON post */
  part: ReportKind | "json";
  /** the uploaded file's name, when the post sent a file */
  file: string | null;
  tool: string;
  format: string;
  commit: string | null;
  job: string | null;
  /** how the number was read, when that is not obvious (e.g. which percentile stood for p95) */
  notes?: string[];
};
export type EvidenceProvenance = Partial<Record<ReportMetric, MetricProvenance>>;
export type CommitEvidence = { metrics: ReportMetrics; provenance: EvidenceProvenance };

export type PostMeta = { postId: string; at: Date; commit: string | null; job: string | null };
export type PostedReport = { part: ReportKind; file: string | null; report: ParsedReport };

/** What one post says: the metrics of its files (or its JSON body), each with its provenance. */
export function postEvidence(meta: PostMeta, reports: PostedReport[], json?: ReportMetrics): CommitEvidence {
  const metrics: ReportMetrics = {};
  const provenance: EvidenceProvenance = {};
  const base = { postId: meta.postId, at: meta.at.toISOString(), commit: meta.commit, job: meta.job };
  const summed = new Set<ReportMetric>();
  const take = (values: ReportMetrics, from: Omit<MetricProvenance, keyof typeof base>) => {
    for (const key of EVIDENCE_METRICS) {
      const value = values[key];
      if (value === undefined) continue;
      const earlier = metrics[key];
      if (SUMMED.has(key) && earlier !== undefined && from.part !== "json") {
        metrics[key] = earlier + value;
        const first = provenance[key];
        if (first && !summed.has(key)) provenance[key] = { ...first, file: `${first.file ?? "?"} and others` };
        summed.add(key);
        continue;
      }
      metrics[key] = value;
      provenance[key] = { ...base, ...from };
    }
  };
  if (json) take(json, { part: "json", file: null, tool: "CI evidence API", format: "JSON" });
  for (const { part, file, report } of reports) {
    take(report.metrics, {
      part,
      file,
      tool: report.tool,
      format: report.format,
      ...(report.notes.length > 0 ? { notes: report.notes } : {}),
    });
  }
  return { metrics, provenance };
}

/** The commit's evidence after `post`: the union, the post's value winning per metric. */
export function mergeEvidence(current: CommitEvidence | null, post: CommitEvidence): CommitEvidence {
  return {
    metrics: { ...current?.metrics, ...post.metrics },
    provenance: { ...current?.provenance, ...post.provenance },
  };
}

/** Reads provenance stored as JSON (an older row without it reads as {}). */
export function readProvenance(stored: unknown): EvidenceProvenance {
  if (typeof stored !== "object" || stored === null || Array.isArray(stored)) return {};
  const out: EvidenceProvenance = {};
  for (const key of EVIDENCE_METRICS) {
    const p = (stored as Record<string, unknown>)[key];
    if (typeof p === "object" && p !== null && typeof (p as MetricProvenance).tool === "string")
      out[key] = p as MetricProvenance;
  }
  return out;
}

/**
 * "lcov (coverage/lcov.info) in job “test”, commit 9fceb02, 6 Dec 2026" — what a gate's source and
 * the quality card show. Product words only: the tool or format, the file, the job, the short commit.
 */
export function describeProvenance(p: MetricProvenance): string {
  const what =
    p.part === "json" ? "the CI evidence API" : p.tool === p.format ? p.format : `${p.format} from ${p.tool}`;
  const parts = [`${what}${p.file ? ` (${p.file})` : ""}`];
  if (p.job) parts.push(`in job “${p.job}”`);
  const where = [p.commit ? `commit ${p.commit.slice(0, 7)}` : null, formatDate(p.at)].filter(Boolean).join(", ");
  const notes = p.notes && p.notes.length > 0 ? ` — ${p.notes.join("; ")}` : "";
  return `${parts.join(" ")}, ${where}${notes}`;
}

/** The sources of a gate reading several metrics (vulnerabilities: high and critical), each said once. */
export function describeSources(provenance: EvidenceProvenance, metrics: readonly ReportMetric[]): string | null {
  const seen = new Set<string>();
  for (const m of metrics) {
    const p = provenance[m];
    if (p) seen.add(describeProvenance(p));
  }
  return seen.size > 0 ? [...seen].join("; ") : null;
}
