"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Form, FormRootError, setServerError } from "@/components/ui/form";
import { TextField } from "@/components/ui/form-controls";
import { readError } from "@/lib/form-errors";
import { formatMoneyPlain, readMoneyField } from "@/lib/money";
import { ZApproveRefundSchema, ZMarkPaidSchema, ZRejectRefundSchema, type MarkPaidInput } from "@/lib/schemas/refunds";
import { useTRPC } from "@/trpc/client";

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
 * The day in the date box → a moment. The day it first showed (left as it is), today, or none: now, read when
 * sent, so a page left open past midnight does not send yesterday.
 */
const paidAtOf = (day: string, shownDay: string) =>
  day === "" || day === shownDay || day === today() ? new Date() : new Date(`${day}T12:00:00.000Z`);

/** Why this person may not approve / record the payment, though their role may (the four-eyes rule); null: they may. */
export type RefundRefusal = { approve: string | null; pay: string | null };

/** The payment form holds the amount as typed and the day as the date box gives it. */
type PayValues = { refundId: string; expectedVersion: number; amountCents: string; reference: string; paidAt: string };

/**
 * The payment's resolver: the typed amount in the refund's currency → cents (its own words when it cannot be
 * read), the day → a moment, then the shared schema.
 */
function payResolver(currency: string, shownDay: string): Resolver<PayValues, unknown, MarkPaidInput> {
  const schema = zodResolver(ZMarkPaidSchema);
  return async (values, context, options) => {
    const amount = readMoneyField(values.amountCents, currency);
    if (amount.error) return { values: {}, errors: { amountCents: { type: "money", message: amount.error } } };
    const input = { ...values, amountCents: amount.cents ?? Number.NaN, paidAt: paidAtOf(values.paidAt, shownDay) };
    return schema(input, context, options as unknown as Parameters<typeof schema>[2]) as ReturnType<
      Resolver<PayValues, unknown, MarkPaidInput>
    >;
  };
}

/**
 * The next step of one refund, for who may take it: start the review; approve or reject with a reason
 * (executives); record the payment. Each call names the version shown, so a refund changed meanwhile is
 * refused with a clear message instead of being moved twice. A step this person may not take under the
 * four-eyes rule (docs/security.md#refunds-four-eyes) shows its button disabled, with the reason next to it.
 */
export function RefundActions({
  refund,
  canApprove,
  canProcess,
  refusal = { approve: null, pay: null },
}: {
  refund: Refund;
  canApprove: boolean;
  canProcess: boolean;
  refusal?: RefundRefusal;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const base = { refundId: refund.id, expectedVersion: refund.version };
  const label = ` the refund for ${refund.projectName}`;
  const refusalId = `refund-refusal-${refund.id}`;

  // approve and reject share the reason box; each button checks it with its own schema (its own words)
  const decision = useRef<"approve" | "reject">("approve");
  const approveReason = zodResolver(ZApproveRefundSchema);
  const rejectReason = zodResolver(ZRejectRefundSchema);
  const decideForm = useForm({
    resolver: (values, context, options) =>
      (decision.current === "approve" ? approveReason : rejectReason)(values, context, options),
    defaultValues: { ...base, reason: "" },
  });
  const [shownDay] = useState(today);
  const payForm = useForm<PayValues, unknown, MarkPaidInput>({
    resolver: payResolver(refund.currency, shownDay),
    defaultValues: {
      ...base,
      amountCents: formatMoneyPlain(refund.amountCents, refund.currency),
      reference: "",
      paidAt: shownDay,
    },
  });
  const done = () => router.refresh();
  const review = useMutation(trpc.refunds.startReview.mutationOptions({ onSuccess: done }));
  const decided = { onSuccess: done, onError: (error: unknown) => setServerError(decideForm, error) };
  const approve = useMutation(trpc.refunds.approve.mutationOptions(decided));
  const reject = useMutation(trpc.refunds.reject.mutationOptions(decided));
  const pay = useMutation(
    trpc.refunds.markPaid.mutationOptions({ onSuccess: done, onError: (error) => setServerError(payForm, error) }),
  );
  const decide = (which: "approve" | "reject") => {
    decision.current = which;
    void decideForm.handleSubmit((input) =>
      (which === "approve" ? approve : reject).mutate({ ...base, reason: input.reason }),
    )();
  };
  // the version is the one shown now: the form outlives the refresh after each step, its default values do not
  const submitPay = payForm.handleSubmit((input) => pay.mutate({ ...input, ...base }));

  if (refund.status === "CLAIMED" && canProcess) {
    return (
      <div className="grid gap-2">
        {review.error ? (
          <Alert variant="destructive">
            <AlertDescription>{readError(review.error)?.message}</AlertDescription>
          </Alert>
        ) : null}
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
      <Form {...decideForm}>
        <form noValidate className="grid gap-2" aria-label={`Decide${label}`} onSubmit={(e) => e.preventDefault()}>
          <TextField
            control={decideForm.control}
            name="reason"
            label="Reason for your decision"
            required
            rows={2}
            maxLength={1000}
            inputClassName="min-h-16"
          />
          <FormRootError />
          {refusal.approve ? (
            <p id={refusalId} className="text-sm text-muted-foreground">
              {refusal.approve}
            </p>
          ) : null}
          <div className="flex gap-2">
            <Button
              size="sm"
              type="button"
              disabled={approve.isPending || reject.isPending || refusal.approve !== null}
              aria-describedby={refusal.approve ? refusalId : undefined}
              onClick={() => decide("approve")}
            >
              Approve<span className="sr-only">{label}</span>
            </Button>
            <Button
              size="sm"
              type="button"
              variant="destructive"
              disabled={approve.isPending || reject.isPending}
              onClick={() => decide("reject")}
            >
              Reject<span className="sr-only">{label}</span>
            </Button>
          </div>
        </form>
      </Form>
    );
  }
  if (refund.status === "UNDER_REVIEW")
    return <p className="text-sm text-muted-foreground">Awaiting an executive&apos;s decision.</p>;
  if (refund.status === "APPROVED" && canProcess && refusal.pay) {
    return (
      <div className="grid gap-2">
        <p id={refusalId} className="text-sm text-muted-foreground">
          {refusal.pay}
        </p>
        <div>
          <Button size="sm" disabled aria-describedby={refusalId}>
            Mark as paid<span className="sr-only">{label}</span>
          </Button>
        </div>
      </div>
    );
  }
  if (refund.status === "APPROVED" && canProcess) {
    return (
      <Form {...payForm}>
        <form
          noValidate
          className="grid gap-2"
          aria-label={`Record the payment of${label}`}
          onSubmit={(e) => void submitPay(e)}
        >
          <div className="grid gap-2 sm:grid-cols-3">
            <TextField control={payForm.control} name="amountCents" label="Amount paid" required inputMode="decimal" />
            <TextField control={payForm.control} name="reference" label="Payment reference" required maxLength={100} />
            <TextField control={payForm.control} name="paidAt" label="Paid on" required type="date" max={today()} />
          </div>
          <FormRootError />
          <div>
            <Button size="sm" type="submit" disabled={pay.isPending}>
              Mark as paid<span className="sr-only">{label}</span>
            </Button>
          </div>
        </form>
      </Form>
    );
  }
  return null;
}
