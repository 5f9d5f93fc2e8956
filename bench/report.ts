import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BenchFigure, Verdict } from "./figures";

/** Output (bench/README.md): a table on stdout and bench/results/<date>.json. */
export const verdict = (ok: boolean | null): Verdict => (ok === null ? "n/a" : ok ? "met" : "missed");

const fmt = (v: number | null) =>
  v === null || Number.isNaN(v) ? "—" : Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2);

export function printTable(figures: BenchFigure[]): void {
  const rows = figures.map((f) => [
    f.id,
    f.label,
    `${fmt(f.value)} ${f.unit}`.trim(),
    f.target,
    f.verdict,
    f.note ?? "",
  ]);
  const head = ["figure", "what", "value", "target", "verdict", "note"];
  const widths = head.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  console.log(line(head));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
}

export function writeResults(figures: BenchFigure[], meta: Record<string, unknown>): string {
  const dir = path.resolve(import.meta.dirname, "results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    totalMemMb: Math.round(os.totalmem() / 2 ** 20),
    node: process.version,
    loadavg: os.loadavg(),
  };
  writeFileSync(file, `${JSON.stringify({ meta: { ...meta, machine }, figures }, null, 2)}\n`);
  return file;
}
