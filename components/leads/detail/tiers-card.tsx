"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { readError } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/client";
import { formatMoney } from "@/lib/money";
import { formatDate, formatPercent } from "@/lib/format";
import type { LatestTiers } from "./types";

type TierView = LatestTiers["tiers"][number];

/** Tier recommendations: the latest stored run (read back after a reload) or the one just computed. */
export function TiersCard({ leadId, initial, canWrite }: { leadId: string; initial: LatestTiers; canWrite: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const recommend = useMutation(trpc.tiers.recommend.mutationOptions());
  const choose = useMutation(trpc.tiers.choose.mutationOptions({ onSuccess: () => router.refresh() }));
  const fresh = recommend.data;
  const chosenKey = choose.data?.tierKey ?? (fresh ? null : (initial.chosen?.tierKey ?? null));
  const threshold = fresh?.result.threshold ?? initial.threshold ?? 0.6;
  const tiers: TierView[] = fresh
    ? [...fresh.result.tiers]
        .sort((a, b) => b.compatibility - a.compatibility)
        .map((t) => ({
          key: t.key,
          name: t.name,
          compatibility: t.compatibility,
          recommended: t.compatibility >= threshold,
          priceCents: t.price.cents,
          timelineWeeks: t.estimatedTimelineWeeks,
          valueProposition: t.valueProposition,
          reasoning: t.reasoning,
          chosen: false,
        }))
    : initial.tiers;

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Service tiers</CardTitle>
        <CardDescription>
          Matched on the latest feasibility analysis; recommended at {formatPercent(threshold * 100)} compatibility or
          more.
          {!fresh && initial.recommendedAt ? ` Last run ${formatDate(initial.recommendedAt)}.` : ""}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {canWrite ? (
          <div>
            <Button
              onClick={() => {
                choose.reset();
                recommend.mutate({ leadId });
              }}
              disabled={recommend.isPending}
            >
              {recommend.isPending ? "Recommending…" : tiers.length > 0 ? "Recommend again" : "Recommend tiers"}
            </Button>
          </div>
        ) : null}
        {[recommend.error, choose.error].map((error, i) =>
          error ? (
            <Alert key={i} variant="destructive">
              <AlertDescription>{readError(error)?.message}</AlertDescription>
            </Alert>
          ) : null,
        )}
        {choose.data ? (
          <Alert variant="success">
            <AlertDescription>
              Chose {choose.data.tierName} at {formatMoney(choose.data.priceCents)}; the lead is now at the proposal
              stage.
            </AlertDescription>
          </Alert>
        ) : null}
        {tiers.length === 0 ? (
          <EmptyState
            title="No recommendation yet"
            description="Run the feasibility analysis, then recommend tiers."
            headingAs="h3"
          />
        ) : (
          <ul className="grid gap-3">
            {tiers.map((t) => (
              <li key={t.key} className="grid gap-2 rounded-md border p-3">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <h3 className="font-medium">{t.name}</h3>
                  <div className="flex items-center gap-2">
                    {t.key === chosenKey || (t.chosen && !choose.data) ? <Badge variant="default">Chosen</Badge> : null}
                    {t.recommended ? <Badge variant="success">Recommended</Badge> : null}
                    <span className="text-sm tabular-nums">{formatPercent(t.compatibility * 100)} compatible</span>
                  </div>
                </div>
                <p className="text-sm">
                  <span className="font-medium">{formatMoney(t.priceCents)}</span> · {t.timelineWeeks} weeks
                </p>
                <p className="text-sm text-muted-foreground">{t.valueProposition}</p>
                {t.reasoning.length > 0 ? (
                  <ul className="list-disc pl-5 text-sm">
                    {t.reasoning.map((r) => (
                      <li key={r}>{r}</li>
                    ))}
                  </ul>
                ) : null}
                {canWrite ? (
                  <div>
                    <Button
                      size="sm"
                      variant={t.recommended ? "default" : "outline"}
                      disabled={choose.isPending}
                      onClick={() => choose.mutate({ leadId, tierKey: t.key })}
                    >
                      {choose.isPending && choose.variables?.tierKey === t.key ? (
                        "Choosing…"
                      ) : (
                        <>
                          Choose this tier<span className="sr-only"> ({t.name})</span>
                        </>
                      )}
                    </Button>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
