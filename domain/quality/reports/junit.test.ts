import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseReport } from "./detect";

const fixture = (name: string) =>
  readFileSync(path.join(import.meta.dirname, "../../../tests/fixtures/reports", name), "utf8");

describe("JUnit XML test results", () => {
  it.each([
    ["vitest-junit.xml", "vitest", 6, 0, []],
    ["jest-junit.xml", "jest-junit", 2, 1, []],
    ["pytest-junit.xml", "pytest", 4, 0, ["1 skipped test not counted"]],
    ["surefire.xml", "Maven Surefire", 1, 2, ["1 skipped test not counted"]],
  ])("%s (%s): %i passed, %i failed (errors fail, skipped ones do not count)", (file, tool, passed, failed, notes) => {
    expect(parseReport("tests", fixture(file))).toEqual({
      kind: "tests",
      tool,
      format: "JUnit XML",
      metrics: { testsPassed: passed, testsFailed: failed },
      notes,
    });
  });

  it("falls back to suite attributes when no case is listed", () => {
    const xml = '<testsuites><testsuite name="a" tests="5" failures="1" errors="1" skipped="1"/></testsuites>';
    expect(parseReport("tests", xml).metrics).toEqual({ testsPassed: 2, testsFailed: 2 });
  });

  it("refuses other XML, text and an empty run", () => {
    expect(() => parseReport("tests", fixture("jacoco.xml"))).toThrow(
      "tests: not JUnit XML — the root element is <report>, not <testsuites> or <testsuite>",
    );
    expect(() => parseReport("tests", "{}")).toThrow("tests: not JUnit XML — first line was {}");
    expect(() => parseReport("tests", "<testsuites/>")).toThrow("tests: the JUnit report has no test case");
  });
});
