import { Badge } from "@/components/ui/badge";
import { formatMoney } from "@/lib/money";
import { formatDate } from "@/lib/format";
import { REFUND_STATUS } from "./labels";

export type RefundRow = {
  id: string;
  amountCents: number;
  status: string;
  reason: string | null;
  decisionNote: string | null;
  reference: string | null;
  createdAt: Date;
  decidedAt: Date | null;
  paidAt: Date | null;
  claimedBy: { name: string } | null;
  decidedBy: { name: string } | null;
  /** who started the review and who recorded the payment (docs/security.md#refunds-four-eyes) */
  reviewedBy?: { name: string } | null;
  paidBy?: { name: string } | null;
};

/** A guarantee's refunds with each step of their workflow. */
export function RefundsList({ refunds, currency }: { refunds: RefundRow[]; currency: string }) {
  if (refunds.length === 0) return null;
  return (
    <ul className="grid gap-2">
      {refunds.map((r) => (
        <li key={r.id} className="grid gap-1 rounded-md border p-3 text-sm">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <span className="font-medium">Refund of {formatMoney(r.amountCents, currency)}</span>
            <Badge variant={REFUND_STATUS[r.status]?.tone ?? "outline"}>
              {REFUND_STATUS[r.status]?.label ?? r.status}
            </Badge>
          </div>
          <RefundSteps refund={r} />
        </li>
      ))}
    </ul>
  );
}

/** A refund's workflow in words: claimed, reviewed, approved or rejected, paid — each with who, when and why. */
export function RefundSteps({ refund: r }: { refund: RefundRow }) {
  return (
    <>
      <p className="text-muted-foreground">
        Claimed {formatDate(r.createdAt)}
        {r.claimedBy ? ` by ${r.claimedBy.name}` : ""}
        {r.reason ? `: ${r.reason}` : ""}
      </p>
      {r.reviewedBy ? <p className="text-muted-foreground">Review started by {r.reviewedBy.name}</p> : null}
      {r.decidedAt ? (
        <p className="text-muted-foreground">
          {r.status === "REJECTED" ? "Rejected" : "Approved"} {formatDate(r.decidedAt)}
          {r.decidedBy ? ` by ${r.decidedBy.name}` : ""}
          {r.decisionNote ? `: ${r.decisionNote}` : ""}
        </p>
      ) : null}
      {r.paidAt ? (
        <p className="text-muted-foreground">
          Paid {formatDate(r.paidAt)}
          {r.reference ? `, reference ${r.reference}` : ""}
          {r.paidBy ? `, recorded by ${r.paidBy.name}` : ""}
        </p>
      ) : null}
    </>
  );
}
