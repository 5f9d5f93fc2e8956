/**
 * JUnit XML test results → tests passed and failed (docs/ci-evidence.md#report-files). Surefire, jest-junit,
 * vitest and pytest all write <testsuites>/<testsuite>/<testcase>; the cases are counted, not the suite
 * attributes (flavours disagree on whether "tests" includes skipped ones): a case with <failure> or
 * <error> failed, one with <skipped> is neither, every other one passed. A file with suites but no case
 * falls back to the suite attributes.
 */
import { children, parseXml, type XmlNode } from "./xml";
import { firstLine, num, ReportFormatError, type ParsedReport } from "./types";

/** Every <testsuite> under `node`, nested ones included. */
function nestedSuites(node: XmlNode): XmlNode[] {
  return children(node, "testsuite").flatMap((s) => [s, ...nestedSuites(s)]);
}
const suitesOf = (root: string, node: XmlNode) =>
  root === "testsuite" ? [node, ...nestedSuites(node)] : nestedSuites(node);

function toolOf(root: string, node: XmlNode, suites: XmlNode[]): string {
  const name = typeof node.name === "string" ? node.name : "";
  if (/^vitest tests$/i.test(name)) return "vitest";
  if (/^jest tests$/i.test(name)) return "jest-junit";
  if (suites.some((s) => s.name === "pytest")) return "pytest";
  const schema = node["xsi:noNamespaceSchemaLocation"];
  if ((typeof schema === "string" && schema.includes("surefire")) || (root === "testsuite" && "properties" in node))
    return "Maven Surefire";
  return "JUnit XML";
}

export function parseJunit(text: string): ParsedReport {
  const xml = parseXml(text);
  if (!xml) throw new ReportFormatError(`tests: not JUnit XML — first line was ${firstLine(text)}`);
  const { root, node } = xml;
  if (root !== "testsuites" && root !== "testsuite")
    throw new ReportFormatError(
      `tests: not JUnit XML — the root element is <${root}>, not <testsuites> or <testsuite>`,
    );
  const suites = suitesOf(root, node);
  const cases = suites.flatMap((s) => children(s, "testcase"));
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (cases.length > 0) {
    for (const c of cases) {
      if ("failure" in c || "error" in c) failed += 1;
      else if ("skipped" in c) skipped += 1;
      else passed += 1;
    }
  } else {
    const totals = suites.length > 0 ? suites : [node];
    for (const s of totals) {
      const tests = num(s.tests) ?? 0;
      const bad = (num(s.failures) ?? 0) + (num(s.errors) ?? 0);
      const skip = num(s.skipped) ?? num(s.disabled) ?? 0;
      failed += bad;
      skipped += skip;
      passed += Math.max(0, tests - bad - skip);
    }
  }
  if (passed + failed + skipped === 0) throw new ReportFormatError("tests: the JUnit report has no test case");
  const notes = skipped > 0 ? [`${skipped} skipped test${skipped === 1 ? "" : "s"} not counted`] : [];
  return {
    kind: "tests",
    tool: toolOf(root, node, suites),
    format: "JUnit XML",
    metrics: { testsPassed: passed, testsFailed: failed },
    notes,
  };
}
