import { writeFileSync } from "node:fs";
import type { Reporter, SerializedError, TestModule } from "vitest/node";

/**
 * A vitest reporter for `npm test` (scripts/test-all.ts): writes what made the run fail besides failed
 * tests — unhandled errors (a rejection after a test ended) and errors of a file or a describe block
 * (a failing beforeAll/afterAll hook, an import that throws) — to the JSON file named by
 * VITEST_PROBLEMS_FILE, so the closing summary can name them. The json reporter counts only tests,
 * and vitest exits 1 on these with every test passed.
 */
export type Problem = { where: string; message: string; stack?: string };

const brief = (e: SerializedError) => ({
  message: `${e.name ? `${e.name}: ` : ""}${e.message}`,
  stack: e.stack
    ?.split("\n")
    .filter((l) => /^\s+at /.test(l) && !l.includes("node_modules"))
    .slice(0, 6)
    .map((l) => l.trim())
    .join("\n"),
});

export default class ProblemsReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>) {
    const problems: Problem[] = unhandledErrors.map((e) => ({ where: "unhandled error", ...brief(e) }));
    for (const mod of testModules) {
      for (const e of mod.errors()) problems.push({ where: mod.relativeModuleId, ...brief(e) });
      for (const suite of mod.children.allSuites()) {
        for (const e of suite.errors())
          problems.push({ where: `${mod.relativeModuleId} > ${suite.fullName}`, ...brief(e) });
      }
    }
    const file = process.env.VITEST_PROBLEMS_FILE;
    if (file) writeFileSync(file, JSON.stringify(problems, null, 2));
  }
}
