import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The CI script's source and version, read once from server/http/evidence-cli/onward-evidence.mjs (a real
 * file, so tests run it as CI does). Paths are from the project root, where the server runs.
 */
let cached: { source: string; version: string } | null = null;

export function evidenceCliScript(): { source: string; version: string } {
  if (cached) return cached;
  const source = readFileSync(path.join(process.cwd(), "server/http/evidence-cli/onward-evidence.mjs"), "utf8");
  const version = /export const VERSION = "([^"]+)"/.exec(source)?.[1] ?? "unknown";
  cached = { source, version };
  return cached;
}
