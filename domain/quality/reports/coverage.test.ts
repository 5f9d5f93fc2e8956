import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseReport, ReportFormatError } from "./detect";

const fixture = (name: string) =>
  readFileSync(path.join(import.meta.dirname, "../../../tests/fixtures/reports", name), "utf8");

describe("coverage reports (real vitest + coverage-v8 output: 7 of 9 lines)", () => {
  it.each([
    ["vitest-lcov.info", "lcov", 77.78],
    ["vitest-cobertura-coverage.xml", "Cobertura XML", 77.78],
    ["vitest-coverage-summary.json", "istanbul coverage-summary.json", 77.78],
    ["vitest-coverage-final.json", "istanbul coverage-final.json", 77.78],
    ["vitest-clover.xml", "Clover XML", 77.78],
  ])("%s is read as %s with %f % of lines", (file, format, coverage) => {
    const parsed = parseReport("coverage", fixture(file));
    expect(parsed).toMatchObject({ kind: "coverage", format, metrics: { coverage } });
  });

  it("reads the older Cobertura DTD (line-rate only) and says so", () => {
    const parsed = parseReport("coverage", fixture("cobertura-03.xml"));
    expect(parsed.metrics.coverage).toBe(94.12);
    expect(parsed.notes.join()).toContain("line-rate");
  });

  it("reads JaCoCo's report-level LINE counter, not a package's", () => {
    const parsed = parseReport("coverage", fixture("jacoco.xml"));
    expect(parsed).toMatchObject({ tool: "JaCoCo", metrics: { coverage: 96 } });
  });

  it("says Clover counts statements", () => {
    expect(parseReport("coverage", fixture("vitest-clover.xml")).notes.join()).toContain("statement");
  });

  it.each([
    [
      "a JUnit file",
      fixture("vitest-junit.xml"),
      /root <testsuites> is not lcov, Cobertura, JaCoCo, istanbul or Clover/,
    ],
    [
      "plain text",
      "hello world\nsecond",
      /^coverage: not lcov, Cobertura, JaCoCo, istanbul or Clover — first line was hello world$/,
    ],
    ["an npm audit", fixture("npm-audit.json"), /coverage: a JSON file that is neither istanbul/],
    ["lcov without lines", "TN:\nSF:a.js\nLF:0\nLH:0\nend_of_record\n", /counts no lines/],
    ["broken XML", '<?xml version="1.0"?>\n<coverage line-rate="0.5">', /first line was <\?xml/],
    ["an empty file", "  \n", /coverage: the file is empty/],
  ])("refuses %s naming the part and why", (_what, text, message) => {
    expect(() => parseReport("coverage", text)).toThrow(ReportFormatError);
    expect(() => parseReport("coverage", text)).toThrow(message);
  });

  it("neither expands entities nor fetches a DTD (an entity bomb is just refused)", () => {
    const bomb = `<?xml version="1.0"?>
<!DOCTYPE coverage [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<coverage line-rate="&c;"></coverage>`;
    expect(() => parseReport("coverage", bomb)).toThrow(/line-rate/);
  });
});
