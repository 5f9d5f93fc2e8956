import { formatDate } from "@/lib/format";

type Point = { day: Date; score: number; expansion: number | null };

const DAY_MS = 86_400_000;

/**
 * The stretches of consecutive days that have a value, oldest first: a day without a value or without a
 * snapshot breaks the line (docs/dashboard.md#trends: empty periods are gaps, not zeros).
 */
export function lineRuns<P>(points: readonly P[], value: (p: P) => number | null, dayOf: (p: P) => number): P[][] {
  const runs: P[][] = [];
  let previous: number | null = null;
  for (const p of points) {
    const day = dayOf(p);
    if (value(p) === null) {
      previous = null;
      continue;
    }
    const current = runs.at(-1);
    if (current && previous !== null && day - previous === 1) current.push(p);
    else runs.push([p]);
    previous = day;
  }
  return runs;
}

/**
 * Health and expansion history as an SVG line chart (no chart library), with the 70 and 85 lines of the
 * strategy rule and a table alternative for screen readers.
 */
export function HistoryChart({ points }: { points: Point[] }) {
  if (points.length === 0)
    return <p className="text-sm text-muted-foreground">No snapshot yet: the daily job writes one per account.</p>;
  const W = 640;
  const H = 200;
  const pad = { left: 32, right: 8, top: 8, bottom: 20 };
  const first = points[0];
  const last = points.at(-1);
  const dayOf = (p: Point) => Math.round((p.day.getTime() - (first?.day.getTime() ?? 0)) / DAY_MS);
  const days = last ? dayOf(last) : 0;
  const x = (p: Point) => pad.left + (days === 0 ? 0 : (dayOf(p) / days) * (W - pad.left - pad.right));
  const y = (v: number) => pad.top + (1 - v / 100) * (H - pad.top - pad.bottom);
  /** One polyline per stretch of days with a value; a lone day is a dot. */
  const series = (
    name: string,
    value: (p: Point) => number | null,
    style: { stroke: string; strokeWidth: number; strokeDasharray?: string },
  ) =>
    lineRuns(points, value, dayOf).map((run) => {
      const xy = run.map((p) => [x(p).toFixed(1), y(value(p) ?? 0).toFixed(1)] as const);
      const key = `${name}-${dayOf(run[0] as Point)}`;
      if (xy.length === 1)
        return <circle key={key} data-series={name} cx={xy[0]?.[0]} cy={xy[0]?.[1]} r={2} fill={style.stroke} />;
      return (
        <polyline key={key} data-series={name} points={xy.map((c) => c.join(",")).join(" ")} fill="none" {...style} />
      );
    });
  return (
    <figure className="grid gap-2">
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" aria-hidden="true">
        {[0, 70, 85, 100].map((v) => (
          <g key={v}>
            <line
              x1={pad.left}
              x2={W - pad.right}
              y1={y(v)}
              y2={y(v)}
              stroke="currentColor"
              strokeOpacity={v === 70 || v === 85 ? 0.35 : 0.12}
              strokeDasharray={v === 70 || v === 85 ? "4 4" : undefined}
            />
            <text x={pad.left - 6} y={y(v) + 4} textAnchor="end" fontSize={10} fill="currentColor" fillOpacity={0.6}>
              {v}
            </text>
          </g>
        ))}
        {series("expansion", (p) => p.expansion, {
          stroke: "var(--color-muted-foreground)",
          strokeWidth: 1.5,
          strokeDasharray: "3 3",
        })}
        {series("health", (p) => p.score, { stroke: "var(--color-primary)", strokeWidth: 2 })}
        {first ? (
          <text x={pad.left} y={H - 4} fontSize={10} fill="currentColor" fillOpacity={0.6}>
            {formatDate(first.day)}
          </text>
        ) : null}
        {last ? (
          <text x={W - pad.right} y={H - 4} fontSize={10} textAnchor="end" fill="currentColor" fillOpacity={0.6}>
            {formatDate(last.day)}
          </text>
        ) : null}
      </svg>
      <figcaption className="text-xs text-muted-foreground">
        Solid: health score; dashed: expansion potential; dotted lines at 70 and 85 (the strategy bands).
      </figcaption>
      <details className="text-sm">
        <summary className="cursor-pointer">Show the numbers</summary>
        <table className="mt-2 w-full text-left text-xs">
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Health</th>
              <th scope="col">Expansion</th>
            </tr>
          </thead>
          <tbody>
            {[...points]
              .reverse()
              .slice(0, 31)
              .map((p) => (
                <tr key={p.day.toISOString()}>
                  <td>{formatDate(p.day)}</td>
                  <td>{p.score}</td>
                  <td>{p.expansion ?? "—"}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
