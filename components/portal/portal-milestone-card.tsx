import Link from "next/link";
import type { MilestoneStatus } from "@/generated/prisma/enums";
import { MILESTONE_STATUS_LABEL } from "@/lib/labels/milestone-status";
import { MILESTONE_STATUS_TONE } from "@/components/shell/status-tone";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDate } from "@/lib/format";

type Criterion = {
  id: string;
  name: string;
  weight: number;
  deliverable: string;
  requiresSignOff: boolean;
  score: number | null;
  signOffs: { decision: "APPROVED" | "CHANGES_REQUESTED"; createdAt: Date; user: { name: string } }[];
};
type Milestone = {
  id: string;
  weekNumber: number;
  title: string;
  dueDate: Date;
  status: MilestoneStatus;
  score: number | null;
  minimumSuccessThreshold: number;
  criteria: Criterion[];
};

function SignOffState({ c, weekStarted, awaiting }: { c: Criterion; weekStarted: boolean; awaiting: boolean }) {
  const last = c.signOffs[0];
  if (last) {
    const approved = last.decision === "APPROVED";
    return (
      <Badge variant={approved ? "success" : "warning"}>
        {approved ? "Approved" : "Changes requested"} by {last.user.name}, {formatDate(last.createdAt)}
      </Badge>
    );
  }
  if (awaiting) return <Badge variant="warning">Awaiting your sign-off</Badge>;
  return <Badge variant="outline">{weekStarted ? "Sign-off pending" : "Your sign-off, when the week starts"}</Badge>;
}

/** One week in the portal: its criteria, the customer's sign-offs, and the certificate once anything is signed. */
export function PortalMilestoneCard({
  projectId,
  milestone: m,
  awaiting,
  canApprove,
}: {
  projectId: string;
  milestone: Milestone;
  awaiting: ReadonlySet<string>;
  canApprove: boolean;
}) {
  const weekStarted = m.status !== "PENDING";
  // validated while a sign-off is pending: undecided sign-offs count as 0 until they are decided
  const provisional = m.status === "IN_PROGRESS" && m.score !== null;
  const signed = m.criteria.some((c) => c.signOffs.length > 0);
  const headingId = `week-${m.weekNumber}-title`;
  return (
    <Card id={`week-${m.weekNumber}`} aria-labelledby={headingId}>
      <CardHeader>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <CardTitle as="h3" id={headingId}>
            Week {m.weekNumber}: {m.title}
          </CardTitle>
          <Badge variant={MILESTONE_STATUS_TONE[m.status]}>{MILESTONE_STATUS_LABEL[m.status]}</Badge>
        </div>
        <CardDescription>
          Due {formatDate(m.dueDate)} · needs {m.minimumSuccessThreshold}% to pass
          {m.score === null
            ? ""
            : provisional
              ? ` · scored ${m.score.toFixed(1)}% so far, final once every sign-off is decided`
              : ` · scored ${m.score.toFixed(1)}%`}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        <ul className="grid gap-3 text-sm">
          {m.criteria.map((c) => (
            <li key={c.id} className="grid gap-1">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <span>
                  <span className="font-medium">{c.name}</span>{" "}
                  <span className="text-muted-foreground">
                    — {c.deliverable} ({Math.round(c.weight * 100)}%)
                  </span>
                </span>
                <span className="tabular-nums text-muted-foreground">
                  {c.score === null ? "not scored yet" : `${c.score.toFixed(0)}/100`}
                </span>
              </div>
              {c.requiresSignOff ? (
                <div className="flex flex-wrap items-center gap-2">
                  <SignOffState c={c} weekStarted={weekStarted} awaiting={awaiting.has(c.id)} />
                  {weekStarted ? (
                    <Link
                      href={`/portal/projects/${projectId}/sign-off/${c.id}`}
                      className="text-sm font-medium text-primary underline underline-offset-4"
                    >
                      {canApprove ? (c.signOffs.length > 0 ? "Review" : "Review and sign off") : "Review"}
                      <span className="sr-only">: {c.name}</span>
                    </Link>
                  ) : null}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
        {signed ? (
          <div>
            <a
              href={`/api/portal/certificate/${m.id}?download=1`}
              download
              className="text-sm font-medium text-primary underline underline-offset-4"
            >
              Download the sign-off certificate<span className="sr-only"> for week {m.weekNumber}</span>
            </a>
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
