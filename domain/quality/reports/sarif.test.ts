import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseReport } from "./detect";

const fixture = (name: string) =>
  readFileSync(path.join(import.meta.dirname, "../../../tests/fixtures/reports", name), "utf8");

describe("SARIF 2.1.0", () => {
  it("takes the highest complexity from ESLint's complexity rule (real ESLint + SARIF formatter output)", () => {
    const parsed = parseReport("sarif", fixture("eslint.sarif"));
    expect(parsed).toMatchObject({ tool: "ESLint", format: "SARIF 2.1.0", metrics: { complexity: 5 } });
    // a linter is not a security scan: it reports no vulnerability count, not "0"
    expect(parsed.metrics.vulnerabilitiesHigh).toBeUndefined();
  });

  it("counts security results by security-severity, skips suppressed ones and reads metrics", () => {
    const parsed = parseReport("sarif", fixture("codeql.sarif"));
    expect(parsed.metrics).toEqual({ vulnerabilitiesHigh: 1, vulnerabilitiesCritical: 1, complexity: 14 });
    expect(parsed.tool).toBe("CodeQL");
  });

  it("falls back to the level when a security result has no score", () => {
    const sarif = {
      version: "2.1.0",
      runs: [
        {
          tool: { driver: { name: "Scanner", rules: [{ id: "x", properties: { tags: ["security"] } }] } },
          results: [
            { ruleId: "x", level: "error", message: { text: "a" } },
            { ruleId: "x", level: "warning", message: { text: "b" } },
          ],
        },
      ],
    };
    expect(parseReport("sarif", JSON.stringify(sarif)).metrics).toEqual({
      vulnerabilitiesHigh: 1,
      vulnerabilitiesCritical: 0,
    });
  });

  it("refuses other versions and non-SARIF files", () => {
    expect(() => parseReport("sarif", JSON.stringify({ version: "1.0.0", runs: [] }))).toThrow(
      "sarif: SARIF version 1.0.0 is not supported (only 2.1.0)",
    );
    expect(() => parseReport("sarif", fixture("vitest-lcov.info"))).toThrow(
      /^sarif: not SARIF 2.1.0 JSON — first line was TN:/,
    );
  });
});
