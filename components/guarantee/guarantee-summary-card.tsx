import Link from "next/link";
import { TRPCError } from "@trpc/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { api } from "@/trpc/server";
import { formatMoney } from "@/lib/money";
import { ClockPanel } from "./clock-panel";
import { GUARANTEE_STATUS, REFUND_STATUS } from "./labels";
import { REMEDY_LABEL } from "@/domain/guarantee/remedy";
import { plural } from "@/lib/format";

/**
 * The guarantee at a glance, for the staff project page (docs/domain.md#guarantee): status, clock, score, open refund, and
 * the way to the full guarantee page. A server component: `<GuaranteeSummaryCard projectId={project.id} />`.
 */
export async function GuaranteeSummaryCard({ projectId }: { projectId: string }) {
  let g;
  try {
    g = await (await api()).guarantees.forProject({ projectId });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") return null;
    throw error;
  }
  const status = GUARANTEE_STATUS[g.status] ?? { label: g.status, tone: "outline" as const };
  const refund = g.refunds.at(-1);
  const pendingDelays = g.delays.filter((d) => d.status === "PROPOSED").length;
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2" className="flex flex-wrap items-center gap-2">
          30-day success guarantee <Badge variant={status.tone}>{status.label}</Badge>
        </CardTitle>
        <CardDescription>
          {formatMoney(g.amountCents, g.currency)} at a success threshold of {g.successThreshold}.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3 text-sm">
        <ClockPanel clock={g.clock} />
        {g.outcome ? (
          <p>
            Final validation: <span className="font-medium">{g.outcome.successScore}</span> —{" "}
            {g.outcome.overallSuccess ? "met" : "not met"}
            {g.remedy
              ? `; remedy: ${REMEDY_LABEL[g.remedy].toLowerCase()}`
              : g.remedyOpen
                ? "; the customer's remedy choice is open"
                : ""}
            .
          </p>
        ) : null}
        {!g.outcome && g.preview ? (
          <p>
            If the clock ended today: <span className="font-medium">{g.preview.successScore}</span> (
            {g.preview.overallSuccess ? "would be met" : "would not be met"}).
            {g.preview.assumptions.length > 0 ? ` This assumes: ${g.preview.assumptions.join(" ")}` : ""}
          </p>
        ) : null}
        {pendingDelays > 0 ? <p>{plural(pendingDelays, "delay")} await the customer&apos;s decision.</p> : null}
        {refund ? (
          <p>
            Refund {formatMoney(refund.amountCents, g.currency)}:{" "}
            <Badge variant={REFUND_STATUS[refund.status]?.tone ?? "outline"}>
              {REFUND_STATUS[refund.status]?.label ?? refund.status}
            </Badge>
          </p>
        ) : null}
        <Link href={`/projects/${projectId}/guarantee`} className="font-medium text-primary underline">
          Open the guarantee
        </Link>
      </CardContent>
    </Card>
  );
}
