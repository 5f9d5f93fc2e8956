import { describe, expect, it } from "vitest";
import { guaranteeAmount } from "./guarantee";

const tier = { deliveryGuarantee: true, refundAmountCents: 15_000_000 };

describe("guarantee amount", () => {
  it("is the contract value up to the tier's refund cap", () => {
    expect(guaranteeAmount(tier, 9_140_000)).toMatchObject({ amountCents: 9_140_000, basis: "contract_value" });
    expect(guaranteeAmount(tier, 15_000_000)).toMatchObject({ amountCents: 15_000_000, basis: "contract_value" });
    expect(guaranteeAmount(tier, 15_000_001)).toMatchObject({ amountCents: 15_000_000, basis: "refund_cap" });
    expect(guaranteeAmount(tier, 9_140_000).reason).toBe(
      "Guarantee amount $91,400: the contract value, within the tier's $150,000 refund cap.",
    );
    expect(guaranteeAmount(tier, 20_000_000).reason).toBe(
      "Guarantee amount $150,000: the tier's refund cap, below the $200,000 contract value.",
    );
  });

  it("is 0 without a refund guarantee, and the contract value for a tier no longer in the catalogue", () => {
    expect(guaranteeAmount({ ...tier, deliveryGuarantee: false }, 9_000_000).amountCents).toBe(0);
    expect(guaranteeAmount({ ...tier, refundAmountCents: 0 }, 9_000_000)).toMatchObject({
      amountCents: 0,
      basis: "no_refund",
    });
    expect(guaranteeAmount(undefined, 9_000_000)).toMatchObject({ amountCents: 9_000_000, basis: "contract_value" });
  });

  it("refuses fractional or negative cents", () => {
    expect(() => guaranteeAmount(tier, 10.5)).toThrow(RangeError);
    expect(() => guaranteeAmount(tier, -1)).toThrow(RangeError);
  });
});
