/**
 * The guarantee amount of a contract (docs/tiers-and-guarantees.md#guarantee-amount): the tier's refund cap,
 * never more than the contract value; 0 when the tier carries no refund guarantee; the contract value when
 * the tier is no longer in the catalogue. Pure: every screen that shows the amount gets it from here.
 */
import { DEFAULT_CURRENCY, formatMoney } from "@/lib/money";
import type { TierGuarantees } from "./config";

export type GuaranteeAmount = {
  amountCents: number;
  /** what bounded the amount */
  basis: "contract_value" | "refund_cap" | "no_refund";
  /** one sentence with the numbers */
  reason: string;
};

export function guaranteeAmount(
  guarantees: Pick<TierGuarantees, "deliveryGuarantee" | "refundAmountCents"> | undefined,
  contractValueCents: number,
): GuaranteeAmount {
  if (!Number.isSafeInteger(contractValueCents) || contractValueCents < 0)
    throw new RangeError("guaranteeAmount: the contract value must be a whole, non-negative number of cents");
  const contract = formatMoney(contractValueCents, DEFAULT_CURRENCY, "short");
  if (!guarantees)
    return {
      amountCents: contractValueCents,
      basis: "contract_value",
      reason: `Guarantee amount ${contract}: the contract value (the tier is no longer in the catalogue).`,
    };
  const cap = guarantees.refundAmountCents;
  if (!guarantees.deliveryGuarantee || cap <= 0)
    return { amountCents: 0, basis: "no_refund", reason: "No refund: the tier carries no refund guarantee." };
  if (cap < contractValueCents)
    return {
      amountCents: cap,
      basis: "refund_cap",
      reason: `Guarantee amount ${formatMoney(cap, DEFAULT_CURRENCY, "short")}: the tier's refund cap, below the ${contract} contract value.`,
    };
  return {
    amountCents: contractValueCents,
    basis: "contract_value",
    reason: `Guarantee amount ${contract}: the contract value, within the tier's ${formatMoney(cap, DEFAULT_CURRENCY, "short")} refund cap.`,
  };
}
