"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { MILESTONE_STATUS } from "@/components/shell/labels";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { MAX_SIGN_OFF_COMMENT } from "@/lib/schemas/limits";
import { useTRPC } from "@/trpc/client";
import { fieldErrorsOf } from "@/lib/form-errors";

type Decision = "APPROVED" | "CHANGES_REQUESTED";
const CHOICES: { value: Decision; label: string; hint: string }[] = [
  { value: "APPROVED", label: "Approve", hint: "The deliverable meets what was agreed." },
  {
    value: "CHANGES_REQUESTED",
    label: "Request changes",
    hint: "Say what is missing; the team will come back to you.",
  },
];

/**
 * The approver's decision on what the page above shows. The content hash the approver reviewed goes with
 * the decision, so a decision on content that changed in the meantime is refused rather than recorded.
 */
export function SignOffForm({
  criterionId,
  contentHash,
  projectId,
}: {
  criterionId: string;
  contentHash: string;
  projectId: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [decision, setDecision] = useState<Decision | null>(null);
  const [comment, setComment] = useState("");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const signOff = useMutation(
    trpc.portal.signOff.mutationOptions({
      onSuccess: () => router.refresh(),
      onError: (error) => setFieldErrors(fieldErrorsOf(error)),
    }),
  );

  if (signOff.data) {
    const status = MILESTONE_STATUS[signOff.data.milestoneStatus];
    return (
      <Alert variant="success">
        <AlertTitle>
          {signOff.data.decision === "APPROVED" ? "Approved" : "Changes requested"} — recorded as entry #
          {signOff.data.seq}
        </AlertTitle>
        <AlertDescription>
          <p>
            Its SHA-256 hash is <code className="break-all font-mono text-xs">{signOff.data.hash}</code>.
          </p>
          {status ? <p>The week is now: {status.label}.</p> : null}
          <Link href={`/portal/projects/${projectId}`} className="font-medium text-primary underline">
            Back to the project
          </Link>
        </AlertDescription>
      </Alert>
    );
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!decision) {
      setFieldErrors({ decision: "Choose approve or request changes" });
      return;
    }
    if (decision === "CHANGES_REQUESTED" && !comment.trim()) {
      setFieldErrors({ comment: "Say what needs to change so the team can act on it" });
      return;
    }
    setFieldErrors({});
    signOff.mutate({ criterionId, decision, comment: comment.trim() || undefined, contentHash });
  }

  const commentError = fieldErrors.comment;
  return (
    <form onSubmit={submit} noValidate className="grid gap-4" aria-label="Sign-off decision">
      <fieldset className="grid gap-2" aria-describedby={fieldErrors.decision ? `${id}-decision-error` : undefined}>
        <legend className="sr-only">Decision</legend>
        {CHOICES.map((c) => (
          <label
            key={c.value}
            className="flex items-start gap-2 rounded-md border p-3 text-sm has-[:checked]:border-primary has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring"
          >
            <input
              type="radio"
              name={`${id}-decision`}
              value={c.value}
              checked={decision === c.value}
              onChange={() => setDecision(c.value)}
              className="mt-0.5 size-4 accent-primary"
            />
            <span>
              <span className="font-medium">{c.label}</span>
              <span className="block text-muted-foreground">{c.hint}</span>
            </span>
          </label>
        ))}
        {fieldErrors.decision ? (
          <p id={`${id}-decision-error`} role="alert" className="text-sm font-medium text-destructive">
            {fieldErrors.decision}
          </p>
        ) : null}
      </fieldset>
      <div className="grid gap-2">
        <label htmlFor={`${id}-comment`} className="text-sm font-medium">
          Comment{" "}
          <span className="font-normal text-muted-foreground">
            {decision === "CHANGES_REQUESTED" ? "(required: what needs to change?)" : "(optional)"}
          </span>
        </label>
        <Textarea
          id={`${id}-comment`}
          value={comment}
          maxLength={MAX_SIGN_OFF_COMMENT}
          onChange={(e) => setComment(e.target.value)}
          aria-invalid={commentError ? true : undefined}
          aria-describedby={`${id}-comment-count${commentError ? ` ${id}-comment-error` : ""}`}
        />
        <p id={`${id}-comment-count`} className="text-xs text-muted-foreground">
          {comment.length} / {MAX_SIGN_OFF_COMMENT}
        </p>
        {commentError ? (
          <p id={`${id}-comment-error`} role="alert" className="text-sm font-medium text-destructive">
            {commentError}
          </p>
        ) : null}
      </div>
      {signOff.error && !commentError ? (
        <Alert variant="destructive">
          <AlertDescription>{signOff.error.message}</AlertDescription>
        </Alert>
      ) : null}
      <p className="text-xs text-muted-foreground">
        Your decision is recorded with your name, the time, your IP address and browser, and a SHA-256 hash of what is
        shown above. It cannot be edited afterwards; you can record a new decision later.
      </p>
      <div>
        <Button type="submit" disabled={signOff.isPending}>
          {signOff.isPending ? "Recording…" : "Record my decision"}
        </Button>
      </div>
    </form>
  );
}
