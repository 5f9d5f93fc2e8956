"use client";

import { useQuery } from "@tanstack/react-query";
import { MILESTONE_STATUS_LABEL } from "@/lib/labels/milestone-status";
import { MILESTONE_STATUS_TONE } from "@/components/shell/status-tone";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useTRPC } from "@/trpc/client";
import type { RouterOutputs } from "@/trpc/types";
import { readError } from "@/lib/form-errors";
import { formatDate, formatDateTime } from "@/lib/format";

const short = (hash: string | null) => (hash ? `${hash.slice(0, 12)}…` : "—");

/**
 * Customer sign-offs of a project (docs/domain.md#sign-offs): where each week's sign-off criteria stand, the hash chain
 * of every decision (who, when, IP, hash), the chain's verification, and each week's certificate.
 */
export function SignoffsCard({
  projectId,
  signoffs,
}: {
  projectId: string;
  signoffs: RouterOutputs["signoffs"]["forProject"];
}) {
  const trpc = useTRPC();
  // browser-driven: the chain is recomputed on the server only when someone presses "Verify the chain again"
  const verify = useQuery({ ...trpc.signoffs.verify.queryOptions({ projectId }), enabled: false });
  const verification = verify.data ?? signoffs.verification;

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Customer sign-offs</CardTitle>
        <CardDescription>
          Each decision is chained to the previous one by a SHA-256 hash; the verifier recomputes the chain.
        </CardDescription>
        {verification ? (
          <CardAction>
            {verification.intact ? (
              <Badge variant="success">Chain intact ({verification.entries})</Badge>
            ) : (
              <Badge variant="destructive">Chain broken at #{verification.firstBroken?.seq}</Badge>
            )}
          </CardAction>
        ) : null}
      </CardHeader>
      <CardContent className="grid gap-6">
        {verification && !verification.intact ? (
          <Alert variant="destructive">
            <AlertDescription>{verification.firstBroken?.reason}</AlertDescription>
          </Alert>
        ) : null}
        {signoffs.weeks.length === 0 ? (
          <EmptyState
            title="No sign-off criteria"
            description="None of this project's weeks needs a customer sign-off."
            headingAs="h3"
          />
        ) : (
          <ul className="grid gap-3">
            {signoffs.weeks.map((w) => (
              <li key={w.id} className="grid gap-1 rounded-md border p-3 text-sm">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span className="font-medium">
                    Week {w.weekNumber}: {w.title}
                  </span>
                  <span className="flex items-center gap-2">
                    <Badge variant={MILESTONE_STATUS_TONE[w.status]}>{MILESTONE_STATUS_LABEL[w.status]}</Badge>
                    <span className="tabular-nums text-muted-foreground">
                      {w.state.approved} of {w.state.required} approved
                    </span>
                  </span>
                </div>
                <ul className="grid gap-0.5">
                  {w.criteria.map((c) => (
                    <li key={c.id}>
                      {c.name}:{" "}
                      {c.latest ? (
                        <span className={c.latest.decision === "APPROVED" ? "text-success" : "text-warning"}>
                          {c.latest.decision === "APPROVED" ? "approved" : "changes requested"} by {c.latest.by},{" "}
                          {formatDate(c.latest.at)}
                        </span>
                      ) : (
                        <span className="text-muted-foreground">awaiting the customer</span>
                      )}
                    </li>
                  ))}
                </ul>
                {w.criteria.some((c) => c.latest) ? (
                  <a
                    className="w-fit text-primary underline"
                    href={`/api/portal/certificate/${w.id}`}
                    target="_blank"
                    rel="noopener"
                  >
                    Certificate<span className="sr-only"> for week {w.weekNumber}</span>
                  </a>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {signoffs.entries.length > 0 ? (
          <details>
            <summary className="cursor-pointer text-sm font-medium">
              Signature chain ({signoffs.entries.length} entries)
            </summary>
            <div className="mt-2 overflow-x-auto">
              <Table>
                <TableCaption className="sr-only">Every sign-off of the project in chain order</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHead className="text-right">#</TableHead>
                    <TableHead>Week · criterion</TableHead>
                    <TableHead>Decision</TableHead>
                    <TableHead>Signer</TableHead>
                    <TableHead>When · IP</TableHead>
                    <TableHead>Hash</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {signoffs.entries.map((e) => (
                    <TableRow key={e.id}>
                      <TableCell className="text-right tabular-nums">{e.seq}</TableCell>
                      <TableCell>
                        Week {e.weekNumber} · {e.criterion}
                        {e.comment ? (
                          <span className="block max-w-xs truncate text-xs text-muted-foreground" title={e.comment}>
                            “{e.comment}”
                          </span>
                        ) : null}
                      </TableCell>
                      <TableCell>{e.decision === "APPROVED" ? "Approved" : "Changes requested"}</TableCell>
                      <TableCell>{e.signer}</TableCell>
                      <TableCell className="text-xs">
                        {formatDateTime(e.createdAt)}
                        <span className="block text-muted-foreground">{e.ip ?? "—"}</span>
                      </TableCell>
                      <TableCell>
                        <code
                          className="font-mono text-xs"
                          title={`hash ${e.hash}\nprevious ${e.prevHash ?? "—"}\ncontent ${e.contentHash}`}
                        >
                          {short(e.hash)}
                        </code>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </details>
        ) : null}
        <div className="flex flex-wrap items-center gap-3">
          <Button variant="outline" size="sm" onClick={() => void verify.refetch()} disabled={verify.isFetching}>
            {verify.isFetching ? "Verifying…" : "Verify the chain again"}
          </Button>
          {verify.data ? (
            <span role="status" className="text-sm text-muted-foreground">
              {verify.data.intact
                ? `Recomputed just now: ${verify.data.entries} entries intact.`
                : `Recomputed just now: broken at #${verify.data.firstBroken?.seq}.`}
            </span>
          ) : null}
          {verify.error ? (
            <span role="alert" className="text-sm text-destructive">
              {readError(verify.error)?.message}
            </span>
          ) : null}
        </div>
      </CardContent>
    </Card>
  );
}
