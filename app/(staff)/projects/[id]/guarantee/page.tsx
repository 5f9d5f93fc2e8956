import type { Metadata } from "next";
import Link from "next/link";
import { ClockPanel } from "@/components/guarantee/clock-panel";
import { CloseEarlyForm } from "@/components/guarantee/close-early-form";
import { DelayForm } from "@/components/guarantee/delay-form";
import { DelaysList } from "@/components/guarantee/delays-list";
import { GUARANTEE_STATUS } from "@/components/guarantee/labels";
import { RefundsList } from "@/components/guarantee/refunds-list";
import { ValidationTable } from "@/components/guarantee/validation-table";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { api } from "@/trpc/server";
import { formatMoney } from "@/lib/money";
import { formatDateTime } from "@/lib/format";
import { requirePermission } from "@/server/auth/guard";
import { can } from "@/domain/access/permissions";
import { REMEDY_LABEL } from "@/domain/guarantee/remedy";
import { orNotFound } from "@/trpc/or-not-found";

export const metadata: Metadata = { title: "Guarantee" };

/** The 30-day guarantee of one project (docs/domain.md#guarantee): clock and delays, final validation, remedy, refunds, dossier. */
export default async function ProjectGuaranteePage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requirePermission("delivery:read");
  const { id } = await params;
  const trpc = await api();
  const g = await orNotFound(trpc.guarantees.forProject({ projectId: id }));
  const running = g.status === "ACTIVE" || g.status === "PAUSED";
  const reproduced = g.outcome ? await trpc.guarantees.reproduce({ projectId: id }) : null;
  const status = GUARANTEE_STATUS[g.status] ?? { label: g.status, tone: "outline" as const };
  const result = g.outcome ?? g.preview;

  return (
    <>
      <Link href={`/projects/${g.project.id}`} className="text-sm text-primary underline">
        Back to {g.project.name}
      </Link>
      <PageHeader
        title={`Guarantee: ${g.project.name}`}
        description={`${g.project.customerAccount.name} · ${formatMoney(g.amountCents, g.currency)} · success threshold ${g.successThreshold}`}
        actions={<Badge variant={status.tone}>{status.label}</Badge>}
      />
      <div className="grid gap-6">
        <Card>
          <CardHeader>
            <CardTitle as="h2">Clock</CardTitle>
            <CardDescription>
              30 days of active time; acknowledged customer-caused delays pause it and move the end. Every change is in
              the audit trail.
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            <ClockPanel clock={g.clock} />
            <section aria-labelledby="delays-heading" className="grid gap-2">
              <h3 id="delays-heading" className="font-medium">
                Customer-caused delays
              </h3>
              <DelaysList delays={g.delays} />
            </section>
            {running && can(me.role, "guarantee:write") ? (
              <section aria-labelledby="record-heading" className="grid gap-2">
                <h3 id="record-heading" className="font-medium">
                  Record a delay
                </h3>
                <DelayForm projectId={g.project.id} maxDays={g.delayLimits.maxDaysPerDelay} />
              </section>
            ) : null}
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle as="h2">{g.outcome ? "Final validation" : "Standing today"}</CardTitle>
            <CardDescription>
              {g.outcome
                ? `${g.outcome.trigger === "closed_early" ? `Closed early${g.outcome.closedReason ? ` (${g.outcome.closedReason})` : ""}` : "Recorded at the clock's end"} on ${formatDateTime(g.outcome.evaluatedAt)} with configuration v${g.outcome.configVersion}. ${g.outcome.explanation}`
                : `The final validation as if the clock ended now (weighted: MVP delivered 40%, test coverage 30%, customer satisfaction 30%).${g.preview && g.preview.assumptions.length > 0 ? ` This projection assumes: ${g.preview.assumptions.join(" ")}` : ""}`}
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-3">
            {result ? (
              <ValidationTable
                criteria={result.criteria}
                successScore={result.successScore}
                threshold={result.threshold}
                caption={result.overallSuccess ? "Met" : "Not met"}
              />
            ) : null}
            {reproduced ? (
              <p className="text-sm text-muted-foreground">
                Re-run on the stored facts:{" "}
                {reproduced.identical ? "identical result." : "the result differs — check the configuration version."}
              </p>
            ) : null}
            {g.outcome ? (
              <p className="text-sm">
                Case-study potential: <span className="font-medium">{g.outcome.caseStudyPotential ? "yes" : "no"}</span>{" "}
                — {g.outcome.caseStudyReasons.join("; ")}.
              </p>
            ) : null}
            {g.status === "SUCCEEDED" ? (
              <div className="flex flex-wrap gap-2">
                <Button asChild variant="outline">
                  <a href={`/api/dossier/${g.project.id}`} target="_blank" rel="noopener">
                    Open the success dossier
                  </a>
                </Button>
                <Button asChild>
                  <a href={`/api/dossier/${g.project.id}?download=1`} download>
                    Download the success dossier
                  </a>
                </Button>
              </div>
            ) : null}
            {running && can(me.role, "guarantee:finalize") ? <CloseEarlyForm projectId={g.project.id} /> : null}
          </CardContent>
        </Card>

        {g.outcome && !g.outcome.overallSuccess ? (
          <Card>
            <CardHeader>
              <CardTitle as="h2">Remedy</CardTitle>
              <CardDescription>
                {g.remedy
                  ? `The customer chose: ${REMEDY_LABEL[g.remedy].toLowerCase()}.`
                  : "The customer has not chosen yet: a refund, continued development at no cost, or migration assistance."}
                {` Refundable amount left: ${formatMoney(g.refundRoomCents, g.currency)}.`}
              </CardDescription>
            </CardHeader>
            <CardContent className="grid gap-3">
              <RefundsList refunds={g.refunds} currency={g.currency} />
              {can(me.role, "refunds:read") && g.refunds.length > 0 ? (
                <Link href="/refunds" className="text-sm font-medium text-primary underline">
                  Open the refund queue
                </Link>
              ) : null}
            </CardContent>
          </Card>
        ) : null}
      </div>
    </>
  );
}
