import type { Metadata } from "next";
import Link from "next/link";
import { GUARANTEE_STATUS } from "@/components/guarantee/labels";
import { HealthBreakdown } from "@/components/retention/health-breakdown";
import { HistoryChart } from "@/components/retention/history-chart";
import { STRATEGY, healthTone } from "@/components/retention/labels";
import { RecomputeButtons } from "@/components/retention/recompute-button";
import { TaskList } from "@/components/retention/task-list";
import { PageHeader } from "@/components/shell/page-header";
import { PROJECT_STATUS_LABEL } from "@/lib/labels/project-status";
import { SERVICE_TYPE_LABELS } from "@/domain/qualification/labels";
import { PROJECT_STATUS_TONE } from "@/components/shell/status-tone";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { api } from "@/trpc/server";
import { formatDate } from "@/lib/format";
import { requirePermission } from "@/server/auth/guard";
import { can } from "@/domain/access/permissions";
import { orNotFound } from "@/trpc/or-not-found";

export const metadata: Metadata = { title: "Account" };

type Trigger = { condition: string; text: string; met: boolean | null };

/** One account's health ("why 64?"), history, retention plan and tasks, expansion opportunities (docs/domain.md#retention). */
export default async function AccountPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requirePermission("retention:read");
  const { id } = await params;
  const view = await orNotFound((await api()).retention.account({ accountId: id }));
  const { account, live, plan, current } = view;
  const stored = current?.components?.health ?? null;
  const canWrite = can(me.role, "retention:write");
  const triggers = (plan?.triggers as { conditions?: Trigger[]; reason?: string } | null) ?? {};
  const now = new Date().toISOString();

  return (
    <>
      <Link href="/accounts" className="text-sm text-primary underline">
        All accounts
      </Link>
      <PageHeader
        title={account.name}
        description={`${account.industry ?? "—"} · CSM ${account.csm?.name ?? "unassigned"}`}
        actions={canWrite ? <RecomputeButtons accountId={account.id} /> : undefined}
      />
      <div className="grid gap-6">
        <div className="grid gap-6 xl:grid-cols-[3fr_2fr]">
          <Card>
            <CardHeader>
              <CardTitle as="h2" className="flex items-center gap-2">
                Health{" "}
                {current ? (
                  <Badge variant={healthTone(current.score)}>{current.score}</Badge>
                ) : (
                  <Badge variant="outline">Not scored yet</Badge>
                )}
              </CardTitle>
              <CardDescription>
                {current
                  ? `Recorded ${formatDate(current.at)}, the score the account list shows. ${stored?.explanation ?? ""}`
                  : `No score recorded yet. ${live.health.score === null ? live.health.explanation : "Recompute to record one from today's facts."}`}
                {view.factsChanged ? " The facts have changed since: recompute to update the score." : ""}
              </CardDescription>
            </CardHeader>
            <CardContent>
              <HealthBreakdown
                parts={stored?.components ?? live.health.components}
                total={current?.score ?? live.health.score}
                caption={`${stored ? "As recorded" : "From today's facts"}; weights from the tenant's retention configuration v${current?.components?.configVersion ?? live.configVersion}. A component without data is left out and its weight goes to the others.`}
              />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle as="h2">History</CardTitle>
              <CardDescription>Daily snapshots, last 90 days.</CardDescription>
            </CardHeader>
            <CardContent>
              <HistoryChart points={view.history} />
            </CardContent>
          </Card>
        </div>

        <Card>
          <CardHeader>
            <CardTitle as="h2" className="flex flex-wrap items-center gap-2">
              Retention plan
              {plan ? (
                <Badge variant={STRATEGY[plan.strategy]?.tone ?? "outline"}>
                  {STRATEGY[plan.strategy]?.label ?? plan.strategy}
                </Badge>
              ) : null}
            </CardTitle>
            <CardDescription>
              {plan
                ? `Made ${formatDate(plan.createdAt)} at health ${plan.healthScore} and expansion ${plan.expansionScore}. ${triggers.reason ?? ""} Next touchpoint ${formatDate(plan.nextTouchpointAt)}.`
                : view.noPlanReason}
              {plan && view.strategyPreview && view.strategyPreview.strategy !== plan.strategy
                ? ` Today's scores point to ${STRATEGY[view.strategyPreview.strategy]?.label.toLowerCase()}: recompute to replace the plan.`
                : ""}
            </CardDescription>
          </CardHeader>
          {plan ? (
            <CardContent className="grid gap-4 lg:grid-cols-[2fr_1fr]">
              <section aria-labelledby="tasks-heading" className="grid gap-2">
                <h3 id="tasks-heading" className="font-medium">
                  Tasks
                </h3>
                <TaskList tasks={plan.actions} people={view.assignees} canWrite={canWrite} now={now} />
              </section>
              <section aria-labelledby="why-heading" className="grid content-start gap-3 text-sm">
                <h3 id="why-heading" className="font-medium">
                  Trigger conditions
                </h3>
                <ul className="grid gap-1">
                  {(triggers.conditions ?? []).map((t) => (
                    <li key={t.condition} className={t.met ? "" : "text-muted-foreground"}>
                      {t.text}
                    </li>
                  ))}
                </ul>
                <h3 className="font-medium">Success metrics</h3>
                <ul className="list-disc pl-5">
                  {(plan.successMetrics as string[]).map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
                <p>
                  <span className="font-medium">Expected outcome:</span> {plan.expectedOutcome}
                </p>
              </section>
            </CardContent>
          ) : null}
        </Card>

        <div className="grid gap-6 xl:grid-cols-[3fr_2fr]">
          <Card>
            <CardHeader>
              <CardTitle as="h2" className="flex items-center gap-2">
                Expansion potential <Badge variant={healthTone(live.expansion.score)}>{live.expansion.score}</Badge>
              </CardTitle>
              <CardDescription>{live.expansion.reasons.join(" ")}</CardDescription>
            </CardHeader>
            <CardContent className="grid gap-3">
              <HealthBreakdown
                parts={live.expansion.factors}
                total={live.expansion.score}
                caption="Expansion factors and their weights."
              />
              <h3 className="font-medium">Opportunities</h3>
              {live.expansion.opportunities.length === 0 ? (
                <p className="text-sm text-muted-foreground">None yet.</p>
              ) : (
                <ul className="grid gap-1 text-sm">
                  {live.expansion.opportunities.map((o) => (
                    <li key={o.key}>
                      <span className="font-medium">{o.title}:</span> {o.reason}
                    </li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle as="h2">Projects</CardTitle>
            </CardHeader>
            <CardContent>
              <ul className="grid gap-2 text-sm">
                {view.projects.map((p) => (
                  <li key={p.id} className="flex flex-wrap items-center justify-between gap-2">
                    {can(me.role, "delivery:read") ? (
                      <Link href={`/projects/${p.id}`} className="underline">
                        {p.name}
                      </Link>
                    ) : (
                      <span>{p.name}</span>
                    )}
                    <span className="flex gap-2">
                      <Badge variant={PROJECT_STATUS_TONE[p.status]}>{PROJECT_STATUS_LABEL[p.status]}</Badge>
                      {p.guarantee ? (
                        <Badge variant={GUARANTEE_STATUS[p.guarantee.status]?.tone ?? "outline"}>
                          Guarantee: {GUARANTEE_STATUS[p.guarantee.status]?.label ?? p.guarantee.status}
                        </Badge>
                      ) : null}
                    </span>
                    <span className="basis-full text-xs text-muted-foreground">
                      {SERVICE_TYPE_LABELS[p.serviceType]} · started {formatDate(p.startDate)}
                    </span>
                  </li>
                ))}
              </ul>
              {view.previousPlans.length > 0 ? (
                <p className="mt-3 text-xs text-muted-foreground">
                  Earlier plans:{" "}
                  {view.previousPlans
                    .map((p) => `${STRATEGY[p.strategy]?.label ?? p.strategy} (${formatDate(p.createdAt)})`)
                    .join(", ")}
                  .
                </p>
              ) : null}
            </CardContent>
          </Card>
        </div>
      </div>
    </>
  );
}
