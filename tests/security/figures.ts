import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Each security test records its figure (cells tested, fuzz cases, header checks…) as one JSON file;
 * `npm run test:security` (scripts/security-report.ts) prints them side by side after the run; it
 * gives each run a directory of its own (SECURITY_FIGURES_DIR) so concurrent runs do not mix.
 */
export const FIGURES_DIR =
  process.env.SECURITY_FIGURES_DIR ?? path.resolve(import.meta.dirname, "..", "..", ".cache", "security");

export type Figure = { title: string; lines: string[]; ok: boolean };

export function recordFigure(name: string, figure: Figure) {
  mkdirSync(FIGURES_DIR, { recursive: true });
  writeFileSync(path.join(FIGURES_DIR, `${name}.json`), JSON.stringify(figure, null, 2));
  console.info(`${figure.title}: ${figure.lines.join("; ")}`);
}
