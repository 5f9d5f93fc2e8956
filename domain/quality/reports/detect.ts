/**
 * One report file → its metrics: the part name says what the file is (coverage, tests, …), its content
 * says which format (never its file name). docs/ci-evidence.md#report-files lists the formats.
 */
import { parseAudit } from "./audit";
import { parseCoverage } from "./coverage";
import { parseJunit } from "./junit";
import { parsePerformance } from "./performance";
import { parseSarif } from "./sarif";
import { REPORT_KINDS, ReportFormatError, type ParsedReport, type ReportKind } from "./types";

export { REPORT_KINDS, ReportFormatError, type ParsedReport, type ReportKind } from "./types";
export type { ReportMetric, ReportMetrics } from "./types";

const PARSERS: Record<ReportKind, (text: string) => ParsedReport> = {
  coverage: parseCoverage,
  tests: parseJunit,
  sarif: parseSarif,
  audit: parseAudit,
  performance: parsePerformance,
};

export const isReportKind = (name: string): name is ReportKind => (REPORT_KINDS as readonly string[]).includes(name);

/** Parses `text` as a report of `kind`; throws ReportFormatError naming the part and why. */
export function parseReport(kind: ReportKind, text: string): ParsedReport {
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "") throw new ReportFormatError(`${kind}: the file is empty`);
  return PARSERS[kind](body);
}
