/** One measured figure of `npm run bench`, with its target and verdict (bench/README.md). */
export type Verdict = "met" | "missed" | "n/a";
export type BenchFigure = {
  id: string; // e.g. "P1.dashboard.p95.100k"
  group: "P1" | "P2" | "P3" | "P4" | "P5" | "P6" | "P7";
  label: string;
  value: number | null;
  unit: string;
  target: string;
  verdict: Verdict;
  note?: string;
};
