/**
 * Dependency audits → high and critical vulnerabilities (docs/ci-evidence.md#report-files):
 * - `npm audit --json` (npm 7+, auditReportVersion 2): metadata.vulnerabilities.high / .critical, which
 *   npm counts per vulnerable package;
 * - OSV-Scanner JSON: one vulnerability per group of aliases, its severity from the group's max_severity
 *   (a CVSS score: ≥ 9 critical, ≥ 7 high), else the advisory's database_specific.severity;
 * - Trivy JSON: every Results[].Vulnerabilities[] entry by its Severity, the same CVE in two targets
 *   counted once per target (Trivy's own count).
 */
import { firstLine, isRecord, num, ReportFormatError, tryJson, type ParsedReport } from "./types";

type Rec = Record<string, unknown>;
const list = (v: unknown): Rec[] => (Array.isArray(v) ? v.filter(isRecord) : []);
const text = (v: unknown) => (typeof v === "string" ? v : "");
const WHAT = "npm audit (v7+), OSV-Scanner or Trivy JSON";

function report(tool: string, high: number, critical: number, notes: string[] = []): ParsedReport {
  return {
    kind: "audit",
    tool,
    format: `${tool} JSON`,
    metrics: { vulnerabilitiesHigh: high, vulnerabilitiesCritical: critical },
    notes,
  };
}

function npmAudit(json: Rec): ParsedReport {
  const counts =
    isRecord(json.metadata) && isRecord(json.metadata.vulnerabilities) ? json.metadata.vulnerabilities : null;
  const high = num(counts?.high);
  const critical = num(counts?.critical);
  if (high === null || critical === null)
    throw new ReportFormatError("audit: the npm audit report has no metadata.vulnerabilities.high/critical counts");
  return report("npm audit", high, critical);
}

function osvSeverity(group: Rec, vulns: Rec[]): "critical" | "high" | "other" {
  const score = num(group.max_severity);
  if (score !== null) return score >= 9 ? "critical" : score >= 7 ? "high" : "other";
  const ids = new Set<string>();
  for (const id of Array.isArray(group.ids) ? group.ids : []) ids.add(String(id));
  const words = vulns
    .filter((v) => ids.has(String(v.id)))
    .map((v) => text(isRecord(v.database_specific) ? v.database_specific.severity : "").toUpperCase());
  if (words.includes("CRITICAL")) return "critical";
  if (words.includes("HIGH")) return "high";
  return "other";
}

function osv(json: Rec): ParsedReport {
  let high = 0;
  let critical = 0;
  for (const result of list(json.results)) {
    for (const pkg of list(result.packages)) {
      const vulns = list(pkg.vulnerabilities);
      const groups = list(pkg.groups);
      const byGroup = groups.length > 0 ? groups : vulns.map((v) => ({ ids: [v.id] }));
      for (const group of byGroup) {
        const s = osvSeverity(group, vulns);
        if (s === "critical") critical += 1;
        else if (s === "high") high += 1;
      }
    }
  }
  return report("OSV-Scanner", high, critical);
}

function trivy(json: Rec): ParsedReport {
  let high = 0;
  let critical = 0;
  for (const result of list(json.Results)) {
    for (const v of list(result.Vulnerabilities)) {
      const s = text(v.Severity).toUpperCase();
      if (s === "CRITICAL") critical += 1;
      else if (s === "HIGH") high += 1;
    }
  }
  return report("Trivy", high, critical);
}

export function parseAudit(text: string): ParsedReport {
  const json = tryJson(text);
  if (!isRecord(json)) throw new ReportFormatError(`audit: not ${WHAT} — first line was ${firstLine(text)}`);
  if ("auditReportVersion" in json) {
    if (num(json.auditReportVersion) !== 2)
      throw new ReportFormatError(
        `audit: npm audit report version ${String(json.auditReportVersion)} is not supported (npm 7 or later writes 2)`,
      );
    return npmAudit(json);
  }
  if (Array.isArray(json.results) && list(json.results).every((r) => "packages" in r || "source" in r))
    return osv(json);
  if ("SchemaVersion" in json && ("Results" in json || "ArtifactName" in json)) return trivy(json);
  if ("advisories" in json)
    throw new ReportFormatError("audit: this is an npm 6 audit report; run the audit with npm 7 or later");
  throw new ReportFormatError(`audit: a JSON file that is not ${WHAT}`);
}
