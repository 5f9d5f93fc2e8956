import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { Recommendation } from "@/domain/dashboard/recommendations";
import type { RangePreset } from "@/domain/dashboard/range";
import { withRange } from "./format";

/** Rule-based advice: one per KPI missing its target, with the numbers that triggered it. */
export function RecommendationsCard({
  recommendations,
  days,
  hasData,
}: {
  recommendations: Recommendation[];
  days: RangePreset;
  hasData: boolean;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Recommendations</CardTitle>
        <CardDescription>From the KPIs that miss their target, largest shortfall first.</CardDescription>
      </CardHeader>
      <CardContent>
        {recommendations.length === 0 ? (
          <EmptyState
            title={hasData ? "Every measured KPI meets its target" : "Nothing to recommend yet"}
            description={
              hasData
                ? "Recommendations appear when a KPI misses its target."
                : "Recommendations appear once projects, surveys and guarantees produce data."
            }
          />
        ) : (
          <ol className="grid gap-4">
            {recommendations.map((r) => (
              <li key={r.id} className="grid gap-1.5 border-b pb-4 text-sm last:border-0 last:pb-0">
                <span className="flex flex-wrap items-center gap-2">
                  <Badge variant={r.priority === "high" ? "destructive" : "warning"}>
                    {r.priority === "high" ? "High priority" : "Medium priority"}
                  </Badge>
                  <h3 className="font-semibold">{r.title}</h3>
                </span>
                <p className="text-muted-foreground">{r.because}</p>
                <ul className="ml-4 list-disc">
                  {r.actions.map((a) => (
                    <li key={a}>{a}</li>
                  ))}
                </ul>
                <Link
                  href={r.href.startsWith("/dashboard") ? withRange(r.href, days) : r.href}
                  className="w-fit text-primary underline-offset-4 hover:underline"
                >
                  Where to start<span className="sr-only">: {r.title}</span>
                </Link>
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
