/**
 * What a CI report file says about the code gates, and where it came from (docs/ci-evidence.md#report-files).
 * Parsers are pure: text in, metrics out, or a ReportFormatError saying why the file is not what its part
 * claims to be.
 */

/** The multipart part names a pipeline posts its files under. */
export const REPORT_KINDS = ["coverage", "tests", "sarif", "audit", "performance"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** The code metrics a report can give; each is the Evidence column of the same name. */
export type ReportMetrics = {
  /** % of lines covered */
  coverage?: number;
  /** highest cyclomatic complexity of a function */
  complexity?: number;
  /** 0–10 score */
  maintainability?: number;
  vulnerabilitiesHigh?: number;
  vulnerabilitiesCritical?: number;
  /** p95 response time in ms (`notes` says which percentile stood for it when the tool has no p95) */
  benchmarkP95Ms?: number;
  testsPassed?: number;
  testsFailed?: number;
};
export type ReportMetric = keyof ReportMetrics;

export type ParsedReport = {
  kind: ReportKind;
  /** the tool that wrote the file when the file says so ("vitest", "ESLint", "npm audit"), else the format */
  tool: string;
  /** the file format ("lcov", "Cobertura XML", "JUnit XML", "SARIF 2.1.0", …) */
  format: string;
  metrics: ReportMetrics;
  /** plain sentences stored with the evidence: how a number was read when that is not obvious */
  notes: string[];
};

/** The file is not a report of its part's kind, or it is malformed: `message` says which and why. */
export class ReportFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ReportFormatError";
  }
}

/** The first non-empty line, cut to 80 characters, for "first line was …" explanations. */
export function firstLine(text: string): string {
  const line =
    text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .find((l) => l.length > 0) ?? "";
  if (line.length === 0) return "(empty file)";
  return line.length > 80 ? `${line.slice(0, 80)}…` : line;
}

export const round2 = (x: number) => Math.round(x * 100) / 100;

/** A finite number from a number or a numeric string, else null. */
export function num(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" && value.trim() !== "") {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** JSON.parse or null (a report that is not JSON is then tried as another format). */
export function tryJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
