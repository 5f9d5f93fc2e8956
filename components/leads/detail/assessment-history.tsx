"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { readError } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/client";
import { formatDate } from "@/lib/format";
import type { AssessmentRow } from "./types";

function Reproduce({ assessmentId }: { assessmentId: string }) {
  const trpc = useTRPC();
  const [requested, setRequested] = useState(false);
  // an on-demand check the person asks for, not data the page already has
  const query = useQuery({
    ...trpc.qualification.reproduce.queryOptions({ assessmentId }),
    enabled: requested,
    retry: false,
  });
  if (!requested) {
    return (
      <Button size="sm" variant="outline" onClick={() => setRequested(true)}>
        Reproduce
      </Button>
    );
  }
  if (query.isPending)
    return (
      <span className="text-sm text-muted-foreground" role="status">
        Recomputing…
      </span>
    );
  if (query.error)
    return (
      <span className="text-sm text-destructive" role="alert">
        {readError(query.error)?.message}
      </span>
    );
  const { recomputedScore, identical } = query.data;
  return (
    <span role="status" className={identical ? "text-sm text-success" : "text-sm text-destructive"}>
      recomputed {recomputedScore.toFixed(1)} — {identical ? "identical" : "differs"}
    </span>
  );
}

export function AssessmentHistory({ rows }: { rows: AssessmentRow[] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Assessment history</CardTitle>
      </CardHeader>
      <CardContent>
        {rows.length === 0 ? (
          <EmptyState
            title="No assessments yet"
            description="Saved drafts and assessments appear here."
            headingAs="h3"
          />
        ) : (
          <Table>
            <TableCaption className="sr-only">Qualification assessments of this lead, newest first</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>When</TableHead>
                <TableHead>Who</TableHead>
                <TableHead>Score</TableHead>
                <TableHead>Kind</TableHead>
                <TableHead>Config</TableHead>
                <TableHead>Reproduce</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((a) => (
                <TableRow key={a.id}>
                  <TableCell>{formatDate(a.createdAt)}</TableCell>
                  <TableCell>{a.author?.name ?? "Self-service (prospect)"}</TableCell>
                  <TableCell className="tabular-nums">{a.score.toFixed(1)}</TableCell>
                  <TableCell>
                    {a.isDraft ? <Badge variant="outline">Draft</Badge> : <Badge variant="secondary">Final</Badge>}
                  </TableCell>
                  <TableCell>v{a.configVersion}</TableCell>
                  <TableCell>
                    <Reproduce assessmentId={a.id} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
