import { describe, expect, it } from "vitest";
import { describeProvenance, describeSources, mergeEvidence, postEvidence, readProvenance } from "./evidence-merge";
import type { ParsedReport } from "./reports/detect";

const at = new Date("2026-12-06T10:00:00Z");
const report = (r: Partial<ParsedReport> & Pick<ParsedReport, "kind" | "metrics">): ParsedReport => ({
  tool: "vitest",
  format: "JUnit XML",
  notes: [],
  ...r,
});

describe("postEvidence and mergeEvidence", () => {
  it("adds test counts over the files of one post and lets a later file win other metrics", () => {
    const post = postEvidence({ postId: "p1", at, commit: "9fceb02d0ae5", job: "test" }, [
      {
        part: "tests",
        file: "TEST-A.xml",
        report: report({ kind: "tests", metrics: { testsPassed: 3, testsFailed: 1 } }),
      },
      {
        part: "tests",
        file: "TEST-B.xml",
        report: report({ kind: "tests", metrics: { testsPassed: 2, testsFailed: 0 } }),
      },
      {
        part: "coverage",
        file: "a.info",
        report: report({ kind: "coverage", format: "lcov", tool: "lcov", metrics: { coverage: 80 } }),
      },
      {
        part: "coverage",
        file: "b.xml",
        report: report({ kind: "coverage", format: "JaCoCo XML", tool: "JaCoCo", metrics: { coverage: 90 } }),
      },
    ]);
    expect(post.metrics).toEqual({ testsPassed: 5, testsFailed: 1, coverage: 90 });
    expect(post.provenance.testsPassed?.file).toBe("TEST-A.xml and others");
    expect(post.provenance.coverage).toMatchObject({ postId: "p1", file: "b.xml", tool: "JaCoCo", job: "test" });
  });

  it("unites posts, the last value winning per metric with its own provenance", () => {
    const first = postEvidence({ postId: "p1", at, commit: "abc1234", job: "test" }, [], {
      coverage: 91,
      complexity: 7,
    });
    const second = postEvidence({ postId: "p2", at, commit: "abc1234", job: "audit" }, [
      {
        part: "audit",
        file: "audit.json",
        report: report({
          kind: "audit",
          tool: "npm audit",
          format: "npm audit JSON",
          metrics: { vulnerabilitiesHigh: 0, vulnerabilitiesCritical: 0 },
        }),
      },
      {
        part: "coverage",
        file: "lcov.info",
        report: report({ kind: "coverage", tool: "lcov", format: "lcov", metrics: { coverage: 95.5 } }),
      },
    ]);
    const merged = mergeEvidence(mergeEvidence(null, first), second);
    expect(merged.metrics).toEqual({
      coverage: 95.5,
      complexity: 7,
      vulnerabilitiesHigh: 0,
      vulnerabilitiesCritical: 0,
    });
    expect(merged.provenance.complexity).toMatchObject({ postId: "p1", part: "json", job: "test" });
    expect(merged.provenance.coverage).toMatchObject({ postId: "p2", file: "lcov.info" });
  });
});

describe("describing provenance in product words", () => {
  it("names the format, tool, file, job, short commit and date, and any note", () => {
    const p = postEvidence({ postId: "p", at, commit: "9fceb02d0ae598e9", job: "bench" }, [
      {
        part: "performance",
        file: "ac.json",
        report: report({
          kind: "performance",
          tool: "autocannon",
          format: "autocannon JSON",
          metrics: { benchmarkP95Ms: 37 },
          notes: ["autocannon reports no 95th percentile: its 97.5th percentile (37 ms) stands for p95"],
        }),
      },
    ]).provenance.benchmarkP95Ms;
    expect(p && describeProvenance(p)).toBe(
      "autocannon JSON from autocannon (ac.json) in job “bench”, commit 9fceb02, Dec 6, 2026 — autocannon reports no 95th percentile: its 97.5th percentile (37 ms) stands for p95",
    );
    const lcov = postEvidence({ postId: "p", at, commit: null, job: null }, [
      {
        part: "coverage",
        file: "lcov.info",
        report: report({ kind: "coverage", tool: "lcov", format: "lcov", metrics: { coverage: 9 } }),
      },
    ]);
    expect(describeSources(lcov.provenance, ["coverage"])).toBe("lcov (lcov.info), Dec 6, 2026");
    expect(describeSources(lcov.provenance, ["maintainability"])).toBeNull();
  });

  it("reads stored provenance defensively", () => {
    expect(readProvenance(null)).toEqual({});
    expect(readProvenance({ coverage: { tool: 3 }, bogus: {} })).toEqual({});
  });
});
