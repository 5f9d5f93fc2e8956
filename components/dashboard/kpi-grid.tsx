import { formatMoney } from "@/lib/money";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils";
import type { KpiResult } from "@/domain/dashboard/kpis";
import type { RangePreset } from "@/domain/dashboard/range";
import { KPI_GROUPS, KPI_GROUP_LABELS } from "@/domain/dashboard/targets";
import { KPI_STATUS, withRange } from "./format";

const ACCENT = { met: "bg-success", missed: "bg-destructive", no_data: "bg-muted-foreground/30" } as const;

/** What the value was computed from, in a few words. */
function basis(k: KpiResult, currency: string): string {
  if (k.denominator.value <= 0) return `No ${k.denominator.label} yet`;
  if (k.id === "expansion_revenue_rate")
    return `${formatMoney(k.numerator.value, currency, "compact")} of ${formatMoney(k.denominator.value, currency, "compact")} booked`;
  if (k.unit === "hours" || k.unit === "score10" || k.unit === "nps")
    return `${k.denominator.value} ${k.denominator.label}`;
  return `${k.numerator.value} of ${k.denominator.value} ${k.denominator.label}`;
}

/** Every docs/domain.md#kpis KPI against its target, grouped as the seed groups them; each opens to its rows. */
export function KpiGrid({ kpis, days, currency }: { kpis: KpiResult[]; days: RangePreset; currency: string }) {
  return (
    <section aria-labelledby="kpis-heading" className="grid gap-4">
      <h2 id="kpis-heading" className="text-lg font-semibold">
        KPIs against targets
      </h2>
      {KPI_GROUPS.map((group) => (
        <section key={group} aria-labelledby={`kpis-${group}`} className="grid gap-3">
          <h3 id={`kpis-${group}`} className="text-sm font-medium text-muted-foreground">
            {KPI_GROUP_LABELS[group]}
          </h3>
          <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
            {kpis
              .filter((k) => k.group === group)
              .map((k) => (
                <li key={k.id}>
                  <Link
                    href={withRange(`/dashboard/kpis/${k.id}`, days)}
                    className="group relative flex h-full flex-col gap-1 overflow-hidden rounded-xl border bg-card p-4 pl-5 text-card-foreground shadow-xs outline-none transition-colors hover:bg-accent/40 focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background"
                  >
                    <span aria-hidden="true" className={cn("absolute inset-y-0 left-0 w-1", ACCENT[k.status])} />
                    <span className="flex items-start justify-between gap-2">
                      <span className="text-sm font-medium group-hover:underline">{k.label}</span>
                      <Badge variant={KPI_STATUS[k.status].tone}>{KPI_STATUS[k.status].label}</Badge>
                    </span>
                    <span className="text-2xl font-semibold tracking-tight tabular-nums">{k.display}</span>
                    <span className="text-xs text-muted-foreground">
                      Target {k.targetDisplay} · {basis(k, currency)}
                    </span>
                  </Link>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
