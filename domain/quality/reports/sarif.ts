/**
 * SARIF 2.1.0 → vulnerabilities and cyclomatic complexity (docs/ci-evidence.md#report-files).
 *
 * Vulnerabilities: a run counts them only when it is a security scan — a rule or result carries a
 * `security-severity` property or a "security" tag — so a linter's SARIF never reports "0 vulnerabilities"
 * it did not look for. A result's severity is its (or its rule's) security-severity, read as a CVSS score
 * (≥ 9 critical, ≥ 7 high), else its level ("error" high; a level alone never makes a critical).
 * Suppressed results are not counted.
 *
 * Complexity: the highest of ESLint's `complexity` rule results ("… has a complexity of 12 …"), else a
 * numeric `complexity` / `cyclomaticComplexity` in a run's or result's `properties.metrics`. The rule
 * reports only functions above its configured maximum: set that maximum to 0 so every function is reported.
 */
import { firstLine, isRecord, num, ReportFormatError, tryJson, type ParsedReport } from "./types";

type Rec = Record<string, unknown>;
const list = (v: unknown): Rec[] => (Array.isArray(v) ? v.filter(isRecord) : []);
const props = (v: unknown): Rec => (isRecord(v) && isRecord(v.properties) ? v.properties : {});

function isSecurity(p: Rec): boolean {
  const tags = Array.isArray(p.tags) ? p.tags : [];
  return num(p["security-severity"]) !== null || tags.some((t) => typeof t === "string" && /^security$/i.test(t));
}

function severity(result: Rec, rule: Rec | undefined): "critical" | "high" | "other" {
  const score = num(props(result)["security-severity"]) ?? num(props(rule)["security-severity"]);
  if (score !== null) return score >= 9 ? "critical" : score >= 7 ? "high" : "other";
  const level =
    typeof result.level === "string"
      ? result.level
      : isRecord(rule?.defaultConfiguration) && typeof rule.defaultConfiguration.level === "string"
        ? rule.defaultConfiguration.level
        : "warning";
  return level === "error" ? "high" : "other";
}

function metricComplexity(p: Rec): number | null {
  const m = isRecord(p.metrics) ? p.metrics : {};
  return num(m.cyclomaticComplexity) ?? num(m.complexity);
}

export function parseSarif(text: string): ParsedReport {
  const json = tryJson(text);
  if (!isRecord(json) || !Array.isArray(json.runs))
    throw new ReportFormatError(`sarif: not SARIF 2.1.0 JSON — first line was ${firstLine(text)}`);
  if (json.version !== "2.1.0")
    throw new ReportFormatError(`sarif: SARIF version ${String(json.version)} is not supported (only 2.1.0)`);

  const tools = new Set<string>();
  let security = false;
  let high = 0;
  let critical = 0;
  let complexity: number | null = null;
  const raise = (n: number | null) => {
    if (n !== null && (complexity === null || n > complexity)) complexity = n;
  };
  for (const run of list(json.runs)) {
    const driver = isRecord(run.tool) && isRecord(run.tool.driver) ? run.tool.driver : {};
    if (typeof driver.name === "string") tools.add(driver.name);
    const rules = list(driver.rules);
    const results = list(run.results).filter((r) => list(r.suppressions).length === 0);
    const ruleOf = (r: Rec) =>
      (typeof r.ruleIndex === "number" ? rules[r.ruleIndex] : undefined) ?? rules.find((x) => x.id === r.ruleId);
    const runSecurity = rules.some((r) => isSecurity(props(r))) || results.some((r) => isSecurity(props(r)));
    security ||= runSecurity;
    raise(metricComplexity(props(run)));
    for (const result of results) {
      const rule = ruleOf(result);
      if (runSecurity && (isSecurity(props(result)) || isSecurity(props(rule)))) {
        const s = severity(result, rule);
        if (s === "critical") critical += 1;
        else if (s === "high") high += 1;
      }
      raise(metricComplexity(props(result)));
      if (result.ruleId === "complexity") {
        const message = isRecord(result.message) && typeof result.message.text === "string" ? result.message.text : "";
        raise(num(/complexity of (\d+)/i.exec(message)?.[1]));
      }
    }
  }
  const metrics: ParsedReport["metrics"] = {};
  const notes: string[] = [];
  if (security) {
    metrics.vulnerabilitiesHigh = high;
    metrics.vulnerabilitiesCritical = critical;
  }
  if (complexity !== null) metrics.complexity = complexity;
  if (!security && complexity === null)
    notes.push("no security results and no complexity in this SARIF file: it gives no gate a number");
  return { kind: "sarif", tool: [...tools].join(", ") || "SARIF", format: "SARIF 2.1.0", metrics, notes };
}
