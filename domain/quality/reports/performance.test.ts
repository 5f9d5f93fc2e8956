import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseReport } from "./detect";

const fixture = (name: string) =>
  readFileSync(path.join(import.meta.dirname, "../../../tests/fixtures/reports", name), "utf8");

describe("benchmarks", () => {
  it("reads k6's p(95) as is", () => {
    expect(parseReport("performance", fixture("k6-summary.json"))).toEqual({
      kind: "performance",
      tool: "k6",
      format: "k6 summary JSON",
      metrics: { benchmarkP95Ms: 287.46 },
      notes: [],
    });
  });

  it("says which percentile stands for p95 when k6 was told to report others", () => {
    const parsed = parseReport("performance", fixture("k6-summary-p99.json"));
    expect(parsed.metrics.benchmarkP95Ms).toBe(540.2);
    expect(parsed.notes).toEqual(["k6 reports no 95th percentile: its 99th percentile (540.2 ms) stands for p95"]);
  });

  it("reads a k6 handleSummary JSON (numbers under values)", () => {
    const json = { metrics: { http_req_duration: { type: "trend", values: { "p(95)": 120.5, med: 80 } } } };
    expect(parseReport("performance", JSON.stringify(json)).metrics.benchmarkP95Ms).toBe(120.5);
  });

  it("takes autocannon's p97.5 for p95 and says so (real autocannon output)", () => {
    const parsed = parseReport("performance", fixture("autocannon.json"));
    const latency = (JSON.parse(fixture("autocannon.json")) as { latency: { p97_5: number } }).latency;
    expect(parsed).toMatchObject({ tool: "autocannon", metrics: { benchmarkP95Ms: latency.p97_5 } });
    expect(parsed.notes).toEqual([
      `autocannon reports no 95th percentile: its 97.5th percentile (${latency.p97_5} ms) stands for p95`,
    ]);
  });

  it("refuses other files", () => {
    expect(() => parseReport("performance", fixture("trivy.json"))).toThrow(
      "performance: a JSON file that is not k6 --summary-export or autocannon JSON",
    );
    expect(() => parseReport("performance", JSON.stringify({ metrics: { iterations: { count: 1 } } }))).toThrow(
      /no http_req_duration/,
    );
  });
});
