/**
 * Benchmarks → the p95 response time in ms (docs/ci-evidence.md#report-files):
 * - k6 `--summary-export` JSON: metrics.http_req_duration["p(95)"] (also a handleSummary JSON, where the
 *   numbers sit under `values`);
 * - autocannon `--json`: latency percentiles in ms.
 * When the file has no 95th percentile, the nearest percentile above it stands for it (a stricter
 * reading; else the nearest below), and the stored note says which one — never silently.
 */
import { firstLine, isRecord, num, ReportFormatError, round2, tryJson, type ParsedReport } from "./types";

type Rec = Record<string, unknown>;
const WHAT = "k6 --summary-export or autocannon JSON";

/** Picks p95 from `percentiles` (percentile → ms); notes when another percentile stands for it. */
function pickP95(percentiles: Map<number, number>, tool: string): { ms: number; notes: string[] } | null {
  const exact = percentiles.get(95);
  if (exact !== undefined) return { ms: round2(exact), notes: [] };
  const keys = [...percentiles.keys()].sort((a, b) => a - b);
  const above = keys.find((k) => k > 95);
  const below = [...keys].reverse().find((k) => k < 95);
  const chosen = above ?? below;
  if (chosen === undefined) return null;
  const ms = percentiles.get(chosen) ?? 0;
  return {
    ms: round2(ms),
    notes: [`${tool} reports no 95th percentile: its ${chosen}th percentile (${round2(ms)} ms) stands for p95`],
  };
}

function k6(json: Rec): ParsedReport {
  const metrics = isRecord(json.metrics) ? json.metrics : {};
  const duration = metrics.http_req_duration;
  if (!isRecord(duration))
    throw new ReportFormatError("performance: the k6 summary has no http_req_duration metric (no HTTP requests ran)");
  const values = isRecord(duration.values) ? duration.values : duration;
  const percentiles = new Map<number, number>();
  for (const [key, value] of Object.entries(values)) {
    const p = /^p\((\d+(?:\.\d+)?)\)$/.exec(key)?.[1];
    const ms = num(value);
    if (p !== undefined && ms !== null) percentiles.set(Number(p), ms);
  }
  const med = num(values.med);
  if (med !== null && !percentiles.has(50)) percentiles.set(50, med);
  return p95Report("k6", "k6 summary JSON", percentiles, "the k6 http_req_duration metric");
}

function p95Report(tool: string, format: string, percentiles: Map<number, number>, where: string): ParsedReport {
  const picked = pickP95(percentiles, tool);
  if (!picked) throw new ReportFormatError(`performance: ${where} has no percentile`);
  return { kind: "performance", tool, format, metrics: { benchmarkP95Ms: picked.ms }, notes: picked.notes };
}

function autocannon(json: Rec): ParsedReport {
  const latency = isRecord(json.latency) ? json.latency : {};
  const percentiles = new Map<number, number>();
  for (const [key, value] of Object.entries(latency)) {
    const p = /^p(\d+)(?:_(\d+))?$/.exec(key);
    const ms = num(value);
    if (p?.[1] !== undefined && ms !== null) percentiles.set(Number(p[2] ? `${p[1]}.${p[2]}` : p[1]), ms);
  }
  return p95Report("autocannon", "autocannon JSON", percentiles, "the autocannon report's latency");
}

export function parsePerformance(text: string): ParsedReport {
  const json = tryJson(text);
  if (!isRecord(json)) throw new ReportFormatError(`performance: not ${WHAT} — first line was ${firstLine(text)}`);
  if (
    isRecord(json.metrics) &&
    ("http_req_duration" in json.metrics || "iterations" in json.metrics || "root_group" in json)
  )
    return k6(json);
  if (isRecord(json.latency) && isRecord(json.requests)) return autocannon(json);
  throw new ReportFormatError(`performance: a JSON file that is not ${WHAT}`);
}
