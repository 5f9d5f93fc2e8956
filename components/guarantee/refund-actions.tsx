"use client";

import { formatMoneyPlain, readMoneyField } from "@/lib/money";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { useTRPC } from "@/trpc/client";
import { fieldErrorsOf } from "@/lib/form-errors";

type Refund = {
  id: string;
  status: string;
  version: number;
  amountCents: number;
  currency: string;
  projectName: string;
};

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The next step of one refund, for who may take it: start the review; approve or reject with a reason
 * (executives); record the payment. Each call names the version shown, so a refund changed meanwhile is
 * refused with a clear message instead of being moved twice.
 */
export function RefundActions({
  refund,
  canApprove,
  canProcess,
}: {
  refund: Refund;
  canApprove: boolean;
  canProcess: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [reason, setReason] = useState("");
  const [amount, setAmount] = useState(formatMoneyPlain(refund.amountCents, refund.currency));
  const [amountError, setAmountError] = useState<string | undefined>();
  const [reference, setReference] = useState("");
  // null: "today", read when shown and when sent, so a page left open past midnight does not send yesterday
  const [paidOn, setPaidOn] = useState<string | null>(null);
  const done = { onSuccess: () => router.refresh() };
  const review = useMutation(trpc.refunds.startReview.mutationOptions(done));
  const approve = useMutation(trpc.refunds.approve.mutationOptions(done));
  const reject = useMutation(trpc.refunds.reject.mutationOptions(done));
  const pay = useMutation(trpc.refunds.markPaid.mutationOptions(done));
  const active = [review, approve, reject, pay].find((m) => m.error || m.isPending);
  const errors = fieldErrorsOf(active?.error);
  const base = { refundId: refund.id, expectedVersion: refund.version };
  const label = ` the refund for ${refund.projectName}`;
  const general =
    active?.error && Object.keys(errors).length === 0 ? (
      <Alert variant="destructive">
        <AlertDescription>{active.error.message}</AlertDescription>
      </Alert>
    ) : null;

  if (refund.status === "CLAIMED" && canProcess) {
    return (
      <div className="grid gap-2">
        {general}
        <div>
          <Button size="sm" disabled={review.isPending} onClick={() => review.mutate(base)}>
            Start review<span className="sr-only">{label}</span>
          </Button>
        </div>
      </div>
    );
  }
  if (refund.status === "UNDER_REVIEW" && canApprove) {
    return (
      <form noValidate className="grid gap-2" aria-label={`Decide${label}`} onSubmit={(e) => e.preventDefault()}>
        <FormField id={`${id}-reason`} label="Reason for your decision" error={errors.reason} required>
          <Textarea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} className="min-h-16" />
        </FormField>
        {general}
        <div className="flex gap-2">
          <Button
            size="sm"
            type="button"
            disabled={approve.isPending || reject.isPending}
            onClick={() => approve.mutate({ ...base, reason })}
          >
            Approve<span className="sr-only">{label}</span>
          </Button>
          <Button
            size="sm"
            type="button"
            variant="destructive"
            disabled={approve.isPending || reject.isPending}
            onClick={() => reject.mutate({ ...base, reason })}
          >
            Reject<span className="sr-only">{label}</span>
          </Button>
        </div>
      </form>
    );
  }
  if (refund.status === "UNDER_REVIEW")
    return <p className="text-sm text-muted-foreground">Awaiting an executive&apos;s decision.</p>;
  if (refund.status === "APPROVED" && canProcess) {
    return (
      <form
        noValidate
        className="grid gap-2"
        aria-label={`Record the payment of${label}`}
        onSubmit={(e) => {
          e.preventDefault();
          const paid = readMoneyField(amount, refund.currency);
          setAmountError(paid.error);
          if (paid.error) return;
          pay.mutate({
            ...base,
            amountCents: paid.cents ?? Number.NaN,
            reference,
            paidAt: paidOn === null || paidOn === today() ? new Date() : new Date(`${paidOn}T12:00:00.000Z`),
          });
        }}
      >
        <div className="grid gap-2 sm:grid-cols-3">
          <FormField id={`${id}-amount`} label="Amount paid" error={amountError ?? errors.amountCents} required>
            <Input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
          </FormField>
          <FormField id={`${id}-reference`} label="Payment reference" error={errors.reference} required>
            <Input value={reference} onChange={(e) => setReference(e.target.value)} maxLength={100} />
          </FormField>
          <FormField id={`${id}-paid`} label="Paid on" error={errors.paidAt} required>
            <Input type="date" value={paidOn ?? today()} max={today()} onChange={(e) => setPaidOn(e.target.value)} />
          </FormField>
        </div>
        {general}
        <div>
          <Button size="sm" type="submit" disabled={pay.isPending}>
            Mark as paid<span className="sr-only">{label}</span>
          </Button>
        </div>
      </form>
    );
  }
  return null;
}
