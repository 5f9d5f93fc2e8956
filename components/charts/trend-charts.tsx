"use client";

import { formatMoney } from "@/lib/money";
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

/**
 * The dashboard's trend charts (recharts). Loaded only by the executive dashboard, lazily and on the
 * client (components/dashboard/trend-charts-lazy.tsx), so no other page ships chart code. Money arrives
 * in integer cents, labelled by lib/money.ts; the same numbers are in a table next to the charts for screen readers.
 * A period without data is null and the lines break there (no connectNulls): a line drawn across an empty
 * period would show a value nobody measured (docs/dashboard.md#trends).
 */
export type TrendChartPoint = {
  label: string;
  successRate: number | null;
  csat: number | null;
  nps: number | null;
  booked: number;
  refunded: number;
  net: number;
  expansion: number;
  expansionScore: number | null;
};

export type TrendChartsProps = {
  points: TrendChartPoint[];
  currency: string;
  targets: { successRate: number; csat: number; nps: number };
};

const AXIS = { fontSize: 12, fill: "var(--muted-foreground)" };
const TOOLTIP = {
  contentStyle: {
    background: "var(--popover)",
    color: "var(--popover-foreground)",
    border: "1px solid var(--border)",
    borderRadius: 8,
    fontSize: 12,
  },
};

function Frame({ title, description, children }: { title: string; description: string; children: React.ReactElement }) {
  return (
    <figure className="grid gap-2 rounded-xl border bg-card p-4 shadow-xs">
      <figcaption>
        <span className="block text-sm font-semibold">{title}</span>
        <span className="block text-xs text-muted-foreground">{description}</span>
      </figcaption>
      <div className="h-56" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

export function TrendCharts({ points, currency, targets }: TrendChartsProps) {
  const moneyTick = (cents: number) => formatMoney(cents, currency, "compact");
  const moneyTip = (v: unknown) => (typeof v === "number" ? formatMoney(v, currency, "compact") : String(v));
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Frame title="Success rate" description={`Guarantees met per period; target ≥ ${targets.successRate}%.`}>
        <LineChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
          <XAxis dataKey="label" tick={AXIS} />
          <YAxis domain={[0, 100]} unit="%" tick={AXIS} width={44} />
          <Tooltip {...TOOLTIP} />
          <ReferenceLine y={targets.successRate} stroke="var(--success)" strokeDasharray="4 4" />
          <Line
            type="monotone"
            dataKey="successRate"
            name="Success rate (%)"
            stroke="var(--chart-1)"
            strokeWidth={2}
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
        </LineChart>
      </Frame>
      <Frame
        title="Satisfaction"
        description={`Average CSAT (0–10, target ≥ ${targets.csat}) and NPS (−100 to 100, target ≥ ${targets.nps}).`}
      >
        <LineChart data={points} margin={{ top: 8, right: 4, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
          <XAxis dataKey="label" tick={AXIS} />
          <YAxis yAxisId="csat" domain={[0, 10]} tick={AXIS} width={32} />
          <YAxis yAxisId="nps" orientation="right" domain={[-100, 100]} tick={AXIS} width={40} />
          <Tooltip {...TOOLTIP} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <ReferenceLine yAxisId="csat" y={targets.csat} stroke="var(--chart-2)" strokeDasharray="4 4" />
          <Line
            yAxisId="csat"
            type="monotone"
            dataKey="csat"
            name="CSAT"
            stroke="var(--chart-2)"
            strokeWidth={2}
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
          <Line
            yAxisId="nps"
            type="monotone"
            dataKey="nps"
            name="NPS"
            stroke="var(--chart-5)"
            strokeWidth={2}
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
        </LineChart>
      </Frame>
      <Frame title="Revenue" description="Contract value booked and refunds paid per period; the line is the net.">
        <ComposedChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
          <XAxis dataKey="label" tick={AXIS} />
          <YAxis tickFormatter={moneyTick} tick={AXIS} width={64} />
          <Tooltip {...TOOLTIP} formatter={moneyTip} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="booked" name="Booked" fill="var(--chart-1)" isAnimationActive={false} />
          <Bar dataKey="refunded" name="Refunded" fill="var(--destructive)" isAnimationActive={false} />
          <Line
            type="monotone"
            dataKey="net"
            name="Net"
            stroke="var(--chart-4)"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </Frame>
      <Frame
        title="Expansion"
        description="Contract value from returning customers per period, and the accounts' average expansion potential."
      >
        <ComposedChart data={points} margin={{ top: 8, right: 4, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
          <XAxis dataKey="label" tick={AXIS} />
          <YAxis yAxisId="money" tickFormatter={moneyTick} tick={AXIS} width={64} />
          <YAxis yAxisId="score" orientation="right" domain={[0, 100]} tick={AXIS} width={36} />
          <Tooltip {...TOOLTIP} formatter={(v, name) => (name === "Expansion potential" ? String(v) : moneyTip(v))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar
            yAxisId="money"
            dataKey="expansion"
            name="Expansion revenue"
            fill="var(--chart-3)"
            isAnimationActive={false}
          />
          <Line
            yAxisId="score"
            type="monotone"
            dataKey="expansionScore"
            name="Expansion potential"
            stroke="var(--chart-5)"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </Frame>
    </div>
  );
}
