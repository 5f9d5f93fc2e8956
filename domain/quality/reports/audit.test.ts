import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseReport } from "./detect";

const fixture = (name: string) =>
  readFileSync(path.join(import.meta.dirname, "../../../tests/fixtures/reports", name), "utf8");

describe("dependency audits", () => {
  it.each([
    ["npm-audit.json", "npm audit", 1, 0],
    ["osv-scanner.json", "OSV-Scanner", 2, 1],
    ["trivy.json", "Trivy", 2, 1],
  ])("%s (%s): %i high, %i critical", (file, tool, high, critical) => {
    expect(parseReport("audit", fixture(file))).toMatchObject({
      tool,
      metrics: { vulnerabilitiesHigh: high, vulnerabilitiesCritical: critical },
    });
  });

  it("refuses npm 6 reports, other JSON and text", () => {
    expect(() => parseReport("audit", JSON.stringify({ advisories: {}, metadata: {} }))).toThrow(/npm 6 audit report/);
    expect(() => parseReport("audit", JSON.stringify({ auditReportVersion: 1 }))).toThrow(/version 1 is not supported/);
    expect(() => parseReport("audit", fixture("k6-summary.json"))).toThrow(
      "audit: a JSON file that is not npm audit (v7+), OSV-Scanner or Trivy JSON",
    );
    expect(() => parseReport("audit", "found 0 vulnerabilities")).toThrow(/first line was found 0 vulnerabilities/);
  });
});
