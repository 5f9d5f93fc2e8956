import Link from "next/link";
import { CircleAlertIcon, InfoIcon, TriangleAlertIcon } from "@/components/ui/server-icon";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDate } from "@/lib/format";
import type { CustomerOutlook } from "@/domain/progress/customer-outlook";

const ICON = { critical: CircleAlertIcon, warning: TriangleAlertIcon, info: InfoIcon } as const;
const TONE = { critical: "text-destructive", warning: "text-warning", info: "text-muted-foreground" } as const;

/** Risks in plain language and the next deliverables, for the product owner (docs/domain.md#progress-updates). */
export function OutlookCard({ projectId, outlook }: { projectId: string; outlook: CustomerOutlook }) {
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <Card>
        <CardHeader>
          <CardTitle as="h2">What needs attention</CardTitle>
          <CardDescription>Risks and what waits for you, in plain words.</CardDescription>
        </CardHeader>
        <CardContent>
          {outlook.risks.length === 0 ? (
            <p className="text-sm text-muted-foreground">
              Nothing right now: the project is on track and nothing waits for you.
            </p>
          ) : (
            <ul className="grid gap-2 text-sm">
              {outlook.risks.map((r) => {
                const Icon = ICON[r.level];
                return (
                  <li key={r.text} className="flex gap-2">
                    <Icon aria-hidden className={`mt-0.5 size-4 shrink-0 ${TONE[r.level]}`} />
                    <span>
                      <span className="sr-only">
                        {r.level === "critical" ? "Critical: " : r.level === "warning" ? "Warning: " : ""}
                      </span>
                      {r.text}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle as="h2">Upcoming deliverables</CardTitle>
          <CardDescription>What the team delivers next, week by week.</CardDescription>
        </CardHeader>
        <CardContent>
          {outlook.upcomingDeliverables.length === 0 ? (
            <p className="text-sm text-muted-foreground">Every week is met: nothing left to deliver.</p>
          ) : (
            <ul className="grid gap-2 text-sm">
              {outlook.upcomingDeliverables.map((d) => (
                <li key={d.criterionId}>
                  <span className="font-medium">{d.deliverable}</span>
                  <span className="block text-muted-foreground">
                    Week {d.weekNumber}, due {formatDate(d.dueDate)} · {d.name}
                    {d.needsYourSignOff ? (
                      <>
                        {" "}
                        ·{" "}
                        <Link
                          href={`/portal/projects/${projectId}#week-${d.weekNumber}`}
                          className="text-primary underline"
                        >
                          needs your sign-off
                        </Link>
                      </>
                    ) : null}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
