"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { MILESTONE_STATUS_LABEL } from "@/lib/labels/milestone-status";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Form,
  FormControl,
  FormDescription,
  FormField,
  FormItem,
  FormLabel,
  FormMessage,
  FormRootError,
  setServerError,
} from "@/components/ui/form";
import { Textarea } from "@/components/ui/textarea";
import { MAX_SIGN_OFF_COMMENT } from "@/lib/schemas/limits";
import { ZSignOffSchema, type SignOffInput } from "@/lib/schemas/signoffs";
import { useTRPC } from "@/trpc/client";

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
  const form = useForm({
    resolver: zodResolver(ZSignOffSchema),
    // no decision is made for the approver: the schema says one is missing
    defaultValues: { criterionId, contentHash, comment: "" } as SignOffInput,
  });
  const decision = useWatch({ control: form.control, name: "decision" });
  const comment = useWatch({ control: form.control, name: "comment" }) ?? "";
  const signOff = useMutation(
    trpc.portal.signOff.mutationOptions({
      onSuccess: () => router.refresh(),
      onError: (error) => setServerError(form, error),
    }),
  );
  const submit = form.handleSubmit((input) => signOff.mutate({ ...input, comment: input.comment || undefined }));

  if (signOff.data) {
    const status = signOff.data.milestoneStatus;
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
          {status ? <p>The week is now: {MILESTONE_STATUS_LABEL[status]}.</p> : null}
          <Link href={`/portal/projects/${projectId}`} className="font-medium text-primary underline">
            Back to the project
          </Link>
        </AlertDescription>
      </Alert>
    );
  }

  return (
    <Form {...form}>
      <form onSubmit={(e) => void submit(e)} noValidate className="grid gap-4" aria-label="Sign-off decision">
        <FormField
          control={form.control}
          name="decision"
          render={({ field }) => (
            <FormItem>
              <fieldset className="grid gap-2">
                <legend className="sr-only">Decision</legend>
                {CHOICES.map((c) => (
                  <label
                    key={c.value}
                    className="flex items-start gap-2 rounded-md border p-3 text-sm has-[:checked]:border-primary has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring"
                  >
                    <input
                      type="radio"
                      name={field.name}
                      value={c.value}
                      checked={field.value === c.value}
                      onChange={() => field.onChange(c.value)}
                      onBlur={field.onBlur}
                      ref={c.value === CHOICES[0]?.value ? field.ref : undefined}
                      className="mt-0.5 size-4 accent-primary"
                    />
                    <span>
                      <span className="font-medium">{c.label}</span>
                      <span className="block text-muted-foreground">{c.hint}</span>
                    </span>
                  </label>
                ))}
              </fieldset>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormField
          control={form.control}
          name="comment"
          render={({ field }) => (
            <FormItem>
              <FormLabel>
                Comment{" "}
                <span className="font-normal text-muted-foreground">
                  {decision === "CHANGES_REQUESTED" ? "(required: what needs to change?)" : "(optional)"}
                </span>
              </FormLabel>
              <FormControl>
                <Textarea {...field} value={field.value ?? ""} maxLength={MAX_SIGN_OFF_COMMENT} />
              </FormControl>
              <FormDescription className="text-xs">
                {comment.length} / {MAX_SIGN_OFF_COMMENT}
              </FormDescription>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormRootError />
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
    </Form>
  );
}
