import { formatDate, formatDateTime } from "@/lib/format";
import { QUALITY_TYPE_LABEL } from "@/lib/labels/quality-type";

export type QualityPoint = { id: string; type: string; score: number; escalated: boolean; createdAt: Date };

const SERIES: Record<string, { label: string; color: string }> = {
  CODE: { label: QUALITY_TYPE_LABEL.CODE, color: "var(--chart-1)" },
  DELIVERY: { label: QUALITY_TYPE_LABEL.DELIVERY, color: "var(--chart-2)" },
  PROCESS: { label: QUALITY_TYPE_LABEL.PROCESS, color: "var(--chart-3)" },
  COMPREHENSIVE: { label: QUALITY_TYPE_LABEL.COMPREHENSIVE, color: "var(--chart-5)" },
};

const W = 640;
const H = 220;
const PAD = { top: 12, right: 16, bottom: 28, left: 36 };

/**
 * Quality score over time, one line per validation type (scores of different types do not compare), with
 * the escalation bar dashed. A small hand-written SVG: no chart library needed for one line chart. Each
 * point names its date, type and score on hover; the summary is in the figure's label for screen readers.
 * Labels stay outside the plot area (axes, dates) or in the legend (the escalation line), so no label can
 * cover a point: the latest scores sit at the right edge, right where an in-plot label would go.
 */
export function QualityScoreChart({ points, escalationScore }: { points: QualityPoint[]; escalationScore: number }) {
  const times = points.map((p) => new Date(p.createdAt).getTime());
  const min = Math.min(...times);
  const max = Math.max(...times);
  const span = max - min || 1;
  const x = (t: number) =>
    max === min
      ? PAD.left + (W - PAD.left - PAD.right) / 2
      : PAD.left + ((t - min) / span) * (W - PAD.left - PAD.right);
  const y = (score: number) => PAD.top + (1 - score / 100) * (H - PAD.top - PAD.bottom);
  const types = Object.keys(SERIES).filter((t) => points.some((p) => p.type === t));
  const last = points[points.length - 1];
  const summary = last
    ? `${points.length} validations from ${formatDate(new Date(min))} to ${formatDate(new Date(max))}; latest ${SERIES[last.type]?.label ?? last.type} score ${last.score}.`
    : "No validations yet.";

  return (
    <figure className="grid gap-2">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`Quality score over time. ${summary}`}
        className="h-auto w-full text-muted-foreground"
      >
        {[0, 50, 100].map((tick) => (
          <g key={tick}>
            <line
              x1={PAD.left}
              x2={W - PAD.right}
              y1={y(tick)}
              y2={y(tick)}
              stroke="currentColor"
              strokeOpacity={0.2}
            />
            <text
              x={PAD.left - 6}
              y={y(tick)}
              textAnchor="end"
              dominantBaseline="middle"
              fontSize={11}
              fill="currentColor"
            >
              {tick}
            </text>
          </g>
        ))}
        <line
          x1={PAD.left}
          x2={W - PAD.right}
          y1={y(escalationScore)}
          y2={y(escalationScore)}
          stroke="var(--destructive)"
          strokeDasharray="4 4"
        />
        <text x={PAD.left} y={H - 8} fontSize={11} fill="currentColor">
          {formatDate(new Date(min))}
        </text>
        {max !== min ? (
          <text x={W - PAD.right} y={H - 8} textAnchor="end" fontSize={11} fill="currentColor">
            {formatDate(new Date(max))}
          </text>
        ) : null}
        {types.map((type) => {
          const series = points.filter((p) => p.type === type);
          const color = SERIES[type]?.color ?? "currentColor";
          return (
            <g key={type}>
              {series.length > 1 ? (
                <polyline
                  fill="none"
                  stroke={color}
                  strokeWidth={2}
                  points={series.map((p) => `${x(new Date(p.createdAt).getTime())},${y(p.score)}`).join(" ")}
                />
              ) : null}
              {series.map((p) => (
                <circle
                  key={p.id}
                  cx={x(new Date(p.createdAt).getTime())}
                  cy={y(p.score)}
                  r={p.escalated ? 5 : 3.5}
                  fill={p.escalated ? "var(--destructive)" : color}
                  stroke={color}
                  strokeWidth={1.5}
                >
                  <title>{`${formatDateTime(p.createdAt)} · ${SERIES[type]?.label ?? type} ${p.score}${p.escalated ? " · escalated" : ""}`}</title>
                </circle>
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
        {types.map((type) => (
          <span key={type} className="inline-flex items-center gap-1.5">
            <span
              aria-hidden="true"
              className="inline-block size-2.5 rounded-full"
              style={{ background: SERIES[type]?.color }}
            />
            {SERIES[type]?.label}
          </span>
        ))}
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block size-2.5 rounded-full bg-destructive" />
          Escalated
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block w-4 border-t-2 border-dashed border-destructive" />
          Escalation below {escalationScore}
        </span>
      </figcaption>
    </figure>
  );
}
