import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MILESTONE_STATUS_LABEL } from "@/lib/labels/milestone-status";
import { MILESTONE_STATUS_TONE } from "@/components/shell/status-tone";
import { SignOffForm } from "@/components/portal/sign-off-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { TRPCReactProvider } from "@/trpc/client";
import { api } from "@/trpc/server";
import { formatDate, formatDateTime } from "@/lib/format";
import { requirePermission } from "@/server/auth/guard";
import { orNotFound } from "@/trpc/or-not-found";

export const metadata: Metadata = { title: "Sign-off" };

async function loadReview(criterionId: string) {
  // another account's criterion, an unknown or malformed id, one without customer sign-off: not found
  return orNotFound((await api()).portal.signOffReview({ criterionId }));
}

/** What an approver signs: exactly this content (its hash goes with the decision), then the decision itself. */
export default async function SignOffPage({ params }: { params: Promise<{ id: string; criterionId: string }> }) {
  const user = await requirePermission("portal:read");
  const { id, criterionId } = await params;
  const review = await loadReview(criterionId);
  const { content } = review;
  if (content.project.id !== id) notFound();
  const milestoneStatus = content.scoreSoFar.milestoneStatus;
  // its forms call tRPC from the browser: the provider lives here, not in the portal layout (bench/README.md, P3)
  return (
    <TRPCReactProvider>
      <Link href={`/portal/projects/${id}`} className="text-sm text-primary underline">
        {content.project.name}
      </Link>
      <h1 className="mt-2 mb-1 text-2xl font-semibold tracking-tight">Sign off: {content.criterion.name}</h1>
      <p className="mb-6 text-muted-foreground">
        Week {content.milestone.weekNumber}: {content.milestone.title} · due {formatDate(content.milestone.dueDate)}
      </p>
      <div className="grid gap-6">
        <Card>
          <CardHeader>
            <CardTitle as="h2">What you are signing</CardTitle>
            <CardDescription>Check the deliverable and its evidence before you decide.</CardDescription>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-3 text-sm sm:grid-cols-[10rem_1fr]">
              <dt className="text-muted-foreground">Criterion</dt>
              <dd className="font-medium">
                {content.criterion.name}{" "}
                <span className="font-normal text-muted-foreground">
                  ({Math.round(content.criterion.weight * 100)}% of the week)
                </span>
              </dd>
              <dt className="text-muted-foreground">Deliverable</dt>
              <dd>{content.criterion.deliverable}</dd>
              <dt className="text-muted-foreground">Evidence</dt>
              <dd className="grid gap-1">
                {content.evidence.summary ? <span>{content.evidence.summary}</span> : null}
                {content.evidence.links.map((l) => (
                  <a
                    key={l.url}
                    href={l.url}
                    target="_blank"
                    rel="noopener noreferrer"
                    className="text-primary underline"
                  >
                    {l.label}
                  </a>
                ))}
                {!content.evidence.summary && content.evidence.links.length === 0 ? (
                  <span className="text-muted-foreground">
                    No evidence attached yet: ask your team for a demo or the document.
                  </span>
                ) : null}
              </dd>
              <dt className="text-muted-foreground">Score so far</dt>
              <dd>
                {content.scoreSoFar.criterion === null
                  ? "This criterion is not scored yet"
                  : `This criterion: ${content.scoreSoFar.criterion}/100`}
                {" · "}
                {content.scoreSoFar.milestone === null
                  ? "the week is not scored yet"
                  : `the week: ${content.scoreSoFar.milestone}`}
                {milestoneStatus ? (
                  <Badge variant={MILESTONE_STATUS_TONE[milestoneStatus]} className="ml-2">
                    {MILESTONE_STATUS_LABEL[milestoneStatus]}
                  </Badge>
                ) : null}
              </dd>
              <dt className="text-muted-foreground">Content hash</dt>
              <dd>
                <code className="break-all font-mono text-xs">{review.contentHash}</code>
              </dd>
            </dl>
          </CardContent>
        </Card>
        {review.history.length > 0 ? (
          <Card>
            <CardHeader>
              <CardTitle as="h2">Decisions so far</CardTitle>
            </CardHeader>
            <CardContent>
              <ol className="grid gap-2 text-sm">
                {review.history.map((h) => (
                  <li key={h.seq}>
                    <span className="font-medium">{h.decision === "APPROVED" ? "Approved" : "Changes requested"}</span>{" "}
                    by {h.mine ? "you" : h.by}, {formatDateTime(h.createdAt)}
                    {h.comment ? (
                      <span className="block whitespace-pre-wrap text-muted-foreground">“{h.comment}”</span>
                    ) : null}
                  </li>
                ))}
              </ol>
            </CardContent>
          </Card>
        ) : null}
        <Card>
          <CardHeader>
            <CardTitle as="h2">Your decision</CardTitle>
          </CardHeader>
          <CardContent>
            {!review.open ? (
              <Alert>
                <AlertDescription>
                  Week {content.milestone.weekNumber} has not started yet; its sign-off opens when it does.
                </AlertDescription>
              </Alert>
            ) : !user.isApprover ? (
              <Alert>
                <AlertDescription>
                  Only stakeholders with approval rights can sign off. Your product owner or your customer success
                  manager can help.
                </AlertDescription>
              </Alert>
            ) : (
              <SignOffForm criterionId={criterionId} contentHash={review.contentHash} projectId={id} />
            )}
          </CardContent>
        </Card>
      </div>
    </TRPCReactProvider>
  );
}
