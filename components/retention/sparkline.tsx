/**
 * A tiny SVG trend line (no chart library: the CSM list stays light). Points are 0–100 scores, oldest
 * first; the label describes the trend for screen readers.
 */
export function Sparkline({
  points,
  label,
  width = 96,
  height = 24,
}: {
  points: number[];
  label: string;
  width?: number;
  height?: number;
}) {
  if (points.length < 2)
    return <span className="text-xs text-muted-foreground">{points.length === 1 ? "one day" : "no data"}</span>;
  const min = Math.min(...points);
  const max = Math.max(...points);
  const span = max - min || 1;
  const step = width / (points.length - 1);
  const d = points
    .map(
      (p, i) =>
        `${i === 0 ? "M" : "L"}${(i * step).toFixed(1)},${(height - 2 - ((p - min) / span) * (height - 4)).toFixed(1)}`,
    )
    .join(" ");
  const rising = (points.at(-1) ?? 0) >= (points[0] ?? 0);
  return (
    <svg
      role="img"
      aria-label={label}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      className={rising ? "text-success" : "text-destructive"}
    >
      <path d={d} fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinejoin="round" strokeLinecap="round" />
    </svg>
  );
}
