import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The repository stands alone: comments and docs cite files of the repository (`docs/domain.md#milestones`),
 * never the specification's section numbers, an issue number or a path outside the repository, and every
 * `docs/….md#anchor` they cite names a heading that exists (docs/architecture.md#comments-and-citations).
 * Comments are found with the TypeScript parser, so strings and JSX text are not comments. Migration files
 * are exempt: the migration runner stores their checksums, so an applied one never changes.
 */
const root = path.resolve(import.meta.dirname, "..", "..");

// .ci/ is CI's own script, not the application's code
const SKIP_DIRS = new Set([
  "node_modules",
  ".next",
  ".data",
  ".cache",
  ".git",
  ".ci",
  "coverage",
  "test-results",
  "playwright-report",
]);
const SKIP_PATHS = new Set(["generated/prisma", "bench/results"]);

/** What a comment or a doc must not cite. */
const OFFENDERS: { what: string; re: RegExp }[] = [
  { what: "a section of the specification", re: /\bseed[\s*/]*§|§\s*\d/i },
  { what: "the specification by name", re: /\(seed(?::\s|\s)/i },
  { what: "an issue number", re: /\bissues?\s+#?\d+/i },
  { what: "a path outside the repository", re: /\.\.\/shared\// },
  { what: "a document outside the repository", re: /\bDESIGN(?:\.md)?\b|\bSTACK_NOTES\b|\bCONVENTIONS(?:\.md)?\b/ },
];

function walk(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = dir ? `${dir}/${e.name}` : e.name;
    if (e.isDirectory()) return SKIP_DIRS.has(e.name) || SKIP_PATHS.has(rel) ? [] : walk(rel);
    return e.isFile() ? [rel] : [];
  });
}

const files = walk("");
const isMigration = (file: string) => /^prisma\/migrations\/[^/]+\/migration\.sql$/.test(file);

/** Every comment of a JS/TS source, by the parser: [offset, text]. JSX text is never read as a comment. */
function tsComments(text: string, file: string): [number, string][] {
  const kind = file.endsWith(".tsx") ? ts.ScriptKind.TSX : file.endsWith(".ts") ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const jsxText = new Set<number>();
  const collect = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.JsxText) jsxText.add(node.pos);
    ts.forEachChild(node, collect);
  };
  collect(sf);
  const found = new Map<number, string>();
  const add = (ranges: ts.CommentRange[] | undefined) => {
    for (const r of ranges ?? []) found.set(r.pos, text.slice(r.pos, r.end));
  };
  const visit = (node: ts.Node): void => {
    if (!jsxText.has(node.pos)) add(ts.getLeadingCommentRanges(text, node.pos));
    if (!jsxText.has(node.end)) add(ts.getTrailingCommentRanges(text, node.end));
    for (const child of node.getChildren(sf)) visit(child);
  };
  visit(sf);
  return [...found.entries()].sort((a, b) => a[0] - b[0]);
}

/** Line comments (`//` in .prisma, `--` in .sql, `#` in shell) outside double-quoted strings. */
function lineComments(text: string, marker: string): [number, string][] {
  const out: [number, string][] = [];
  let offset = 0;
  for (const line of text.split("\n")) {
    let quote: string | null = null;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quote) {
        if (c === "\\") i++;
        else if (c === quote) quote = null;
      } else if (c === '"' || (marker === "#" && c === "'")) quote = c;
      else if (
        line.startsWith(marker, i) &&
        (marker !== "#" || i === 0 || /\s/.test(line[i - 1] ?? "")) &&
        !line.startsWith("#!", i)
      ) {
        out.push([offset + i, line.slice(i)]);
        break;
      }
    }
    offset += line.length + 1;
  }
  return out;
}

function commentsOf(file: string, text: string): [number, string][] {
  if (/\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(file)) return tsComments(text, file);
  if (file.endsWith(".prisma")) return lineComments(text, "//");
  if (file.endsWith(".sql")) return isMigration(file) ? [] : lineComments(text, "--");
  if (file.endsWith(".sh")) return lineComments(text, "#");
  return [];
}

const lineOf = (text: string, offset: number) => text.slice(0, offset).split("\n").length;

/** Each source's text and comments, parsed once for all the tests below. */
const parsed = new Map<string, { text: string; comments: [number, string][] }>();
function source(file: string) {
  let entry = parsed.get(file);
  if (!entry) {
    const text = readFileSync(path.join(root, file), "utf8");
    entry = { text, comments: commentsOf(file, text) };
    parsed.set(file, entry);
  }
  return entry;
}
/** Parsing every source of the repository takes seconds on a busy machine. */
const PARSE_ALL_TIMEOUT_MS = 180_000;

const sources = files.filter((f) => /\.(ts|tsx|mts|cts|js|mjs|cjs|prisma|sql|sh)$/.test(f));
const docs = files.filter((f) => f.endsWith(".md"));

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  let inFence = false;
  for (const line of markdown.split("\n")) {
    if (line.startsWith("```")) inFence = !inFence;
    const heading = inFence ? null : /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading?.[1])
      anchors.add(
        heading[1]
          .toLowerCase()
          .replace(/[^\p{L}\p{N}\s_-]/gu, "")
          .replace(/\s/g, "-"),
      );
  }
  return anchors;
}

/** A cited `<file>.md#anchor` that does not resolve, or null. `from` is the citing file's folder. */
function brokenCitation(target: string, from: string): string | null {
  const [file = "", anchor] = target.split("#");
  const resolved = path.normalize(path.join(from, file));
  if (!existsSync(path.join(root, resolved))) return `${target}: no file ${resolved}`;
  if (anchor && !anchorsOf(readFileSync(path.join(root, resolved), "utf8")).has(anchor))
    return `${target}: no heading #${anchor} in ${resolved}`;
  return null;
}

const CODE_CITATION = /\b((?:docs\/(?:[\w-]+\/)*[\w.-]+|bench\/README|CONTRIBUTING|README)\.md(?:#[\w-]+)?)/g;
const DOC_LINK = /\]\(([\w./-]+\.md(?:#[\w-]+)?)\)/g;

describe("citations", () => {
  it("finds comments by the parser, not in strings or JSX text", () => {
    const sample = [
      "// a line comment",
      'const s = "// not a comment";',
      "/** a doc comment */",
      "export const A = () => <p>// not a comment either {/* a JSX comment */}</p>;",
    ].join("\n");
    expect(tsComments(sample, "sample.tsx").map(([, c]) => c)).toEqual([
      "// a line comment",
      "/** a doc comment */",
      "/* a JSX comment */",
    ]);
    // the probes are built from parts so this file does not cite anything itself
    const probes = [
      ["(seed", "§3.1)"],
      ["issue", "7"],
    ].map((parts) => parts.join(" "));
    expect(probes.every((probe) => OFFENDERS.some(({ re }) => re.test(probe)))).toBe(true);
  });

  it(
    "comments cite no specification section, issue number or path outside the repository",
    () => {
      const offending: string[] = [];
      for (const file of sources) {
        const { text, comments } = source(file);
        for (const [offset, comment] of comments) {
          const hit = OFFENDERS.find(({ re }) => re.test(comment));
          if (hit)
            offending.push(
              `${file}:${lineOf(text, offset)} cites ${hit.what}: ${comment
                .split("\n")
                .find((l) => hit.re.test(l))
                ?.trim()
                .slice(0, 120)}`,
            );
        }
      }
      expect(sources.length).toBeGreaterThan(100);
      expect(offending, offending.join("\n")).toEqual([]);
    },
    PARSE_ALL_TIMEOUT_MS,
  );

  it("the docs cite no issue number or path outside the repository", () => {
    const offending = docs.flatMap((file) =>
      readFileSync(path.join(root, file), "utf8")
        .split("\n")
        .flatMap((line, i) =>
          OFFENDERS.filter(({ re }) => re.test(line)).map(({ what }) => `${file}:${i + 1} cites ${what}`),
        ),
    );
    expect(offending, offending.join("\n")).toEqual([]);
  });

  it(
    "every docs/….md#anchor a comment or a doc cites exists",
    () => {
      const broken: string[] = [];
      for (const file of sources) {
        const { text, comments } = source(file);
        for (const [offset, comment] of comments)
          for (const m of comment.matchAll(CODE_CITATION)) {
            const problem = brokenCitation(m[1] ?? "", "");
            if (problem) broken.push(`${file}:${lineOf(text, offset)} ${problem}`);
          }
      }
      for (const file of docs)
        for (const m of readFileSync(path.join(root, file), "utf8").matchAll(DOC_LINK)) {
          const problem = brokenCitation(m[1] ?? "", path.dirname(file));
          if (problem) broken.push(`${file} ${problem}`);
        }
      expect(broken, broken.join("\n")).toEqual([]);
    },
    PARSE_ALL_TIMEOUT_MS,
  );
});
