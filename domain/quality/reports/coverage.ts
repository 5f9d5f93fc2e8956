/**
 * Coverage reports → % of lines covered (docs/ci-evidence.md#report-files). Each format's own line totals are
 * used, so the number matches what the tool printed:
 * - lcov: Σ LH ÷ Σ LF over every file record;
 * - Cobertura (both DTD flavours): lines-covered ÷ lines-valid on <coverage>, else its line-rate;
 * - JaCoCo: the report-level LINE counter, covered ÷ (covered + missed);
 * - istanbul coverage-summary.json: total.lines; coverage-final.json: lines of the statement map, a line
 *   covered when a statement starting on it ran (istanbul's own line rule);
 * - Clover: project metrics, covered statements ÷ statements (Clover counts no lines).
 * A report with no line at all is refused: 0 of 0 is not a coverage.
 */
import { children, parseXml, type XmlNode } from "./xml";
import { firstLine, isRecord, num, ReportFormatError, round2, tryJson, type ParsedReport } from "./types";

const WHAT = "lcov, Cobertura, JaCoCo, istanbul or Clover";

function percent(covered: number, total: number, format: string): number {
  if (total <= 0) throw new ReportFormatError(`coverage: the ${format} report counts no lines`);
  return round2((covered / total) * 100);
}

function report(tool: string, format: string, coverage: number, notes: string[] = []): ParsedReport {
  return { kind: "coverage", tool, format, metrics: { coverage }, notes };
}

function lcov(text: string): ParsedReport | null {
  if (!/^(TN|SF):/m.test(text) || !/^end_of_record\s*$/m.test(text)) return null;
  let found = 0;
  let hit = 0;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith("LF:")) found += num(line.slice(3)) ?? Number.NaN;
    else if (line.startsWith("LH:")) hit += num(line.slice(3)) ?? Number.NaN;
  }
  if (!Number.isFinite(found) || !Number.isFinite(hit))
    throw new ReportFormatError("coverage: the lcov report has an LF or LH line that is not a number");
  return report("lcov", "lcov", percent(hit, found, "lcov"));
}

function cobertura(node: XmlNode): ParsedReport {
  const covered = num(node["lines-covered"]);
  const valid = num(node["lines-valid"]);
  if (covered !== null && valid !== null)
    return report("Cobertura", "Cobertura XML", percent(covered, valid, "Cobertura"));
  const rate = num(node["line-rate"]);
  if (rate === null || rate < 0 || rate > 1)
    throw new ReportFormatError("coverage: the Cobertura report has neither lines-covered/lines-valid nor a line-rate");
  return report("Cobertura", "Cobertura XML", round2(rate * 100), ["line coverage read from the report's line-rate"]);
}

function jacoco(node: XmlNode): ParsedReport {
  const line = children(node, "counter").find((c) => c.type === "LINE");
  const covered = num(line?.covered);
  const missed = num(line?.missed);
  if (covered === null || missed === null)
    throw new ReportFormatError("coverage: the JaCoCo report has no report-level LINE counter");
  return report("JaCoCo", "JaCoCo XML", percent(covered, covered + missed, "JaCoCo"));
}

function clover(node: XmlNode): ParsedReport {
  const project = children(node, "project")[0];
  const metrics = project ? children(project, "metrics")[0] : undefined;
  const statements = num(metrics?.statements);
  const covered = num(metrics?.coveredstatements);
  if (!metrics || statements === null || covered === null)
    throw new ReportFormatError("coverage: the Clover report has no project metrics with statements");
  return report("Clover", "Clover XML", percent(covered, statements, "Clover"), [
    "Clover counts statements, not lines: statement coverage stands for line coverage",
  ]);
}

function istanbulSummary(json: Record<string, unknown>): ParsedReport | null {
  const total = json.total;
  if (!isRecord(total) || !isRecord(total.lines)) return null;
  const covered = num(total.lines.covered);
  const all = num(total.lines.total);
  if (covered === null || all === null)
    throw new ReportFormatError("coverage: the istanbul summary's total.lines has no covered/total counts");
  return report("istanbul", "istanbul coverage-summary.json", percent(covered, all, "istanbul summary"));
}

type Location = { start?: { line?: unknown } };
function istanbulFinal(json: Record<string, unknown>): ParsedReport | null {
  const files = Object.values(json);
  if (files.length === 0 || !files.every((f) => isRecord(f) && isRecord(f.statementMap) && isRecord(f.s))) return null;
  let total = 0;
  let covered = 0;
  for (const file of files as { statementMap: Record<string, Location>; s: Record<string, unknown> }[]) {
    const lines = new Map<number, boolean>();
    for (const [id, loc] of Object.entries(file.statementMap)) {
      const line = num(loc.start?.line);
      if (line === null) continue;
      const ran = (num(file.s[id]) ?? 0) > 0;
      lines.set(line, (lines.get(line) ?? false) || ran);
    }
    total += lines.size;
    covered += [...lines.values()].filter(Boolean).length;
  }
  return report("istanbul", "istanbul coverage-final.json", percent(covered, total, "istanbul"));
}

export function parseCoverage(text: string): ParsedReport {
  const xml = parseXml(text);
  if (xml) {
    const { root, node } = xml;
    if (root === "coverage" && ("line-rate" in node || "lines-valid" in node)) return cobertura(node);
    if (root === "coverage" && "clover" in node) return clover(node);
    if (root === "coverage" && children(node, "project").length > 0) return clover(node);
    if (root === "report" && children(node, "counter").length + children(node, "package").length > 0)
      return jacoco(node);
    throw new ReportFormatError(`coverage: an XML document with root <${root}> is not ${WHAT} coverage`);
  }
  const json = tryJson(text);
  if (isRecord(json)) {
    const parsed = istanbulSummary(json) ?? istanbulFinal(json);
    if (parsed) return parsed;
    throw new ReportFormatError(
      `coverage: a JSON file that is neither istanbul's coverage-summary.json nor coverage-final.json`,
    );
  }
  const parsed = lcov(text);
  if (parsed) return parsed;
  throw new ReportFormatError(`coverage: not ${WHAT} — first line was ${firstLine(text)}`);
}
