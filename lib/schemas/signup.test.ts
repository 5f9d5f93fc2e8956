import { describe, expect, it } from "vitest";
import { ZSignupCodeSchema, ZSignupSchema, ZWorkEmailSchema, slugProblem, suggestSlug } from "./signup";

describe("workspace address (docs/signup.md#workspace-address-slug)", () => {
  it.each(["abc", "harbor-digital", "a1-b2-c3", "x".repeat(40), "007"])("accepts %s", (slug) => {
    expect(slugProblem(slug)).toBeNull();
  });
  it.each([
    ["ab", "invalid"],
    ["x".repeat(41), "invalid"],
    ["-abc", "invalid"],
    ["abc-", "invalid"],
    ["Abc", "invalid"],
    ["a_b", "invalid"],
    ["a b", "invalid"],
    ["_next", "invalid"],
    ["admin", "reserved"],
    ["www", "reserved"],
    ["signup", "reserved"],
  ])("refuses %s as %s", (slug, kind) => {
    expect(slugProblem(slug)?.kind).toBe(kind);
  });
  it("suggests an address from a company name that passes the rules", () => {
    expect(suggestSlug("Harbor Digital, Inc.")).toBe("harbor-digital-inc");
    expect(suggestSlug("  Café Über  ")).toBe("cafe-uber");
    expect(slugProblem(suggestSlug(`${"Long name ".repeat(10)}`))).toBeNull();
  });
});

describe("sign-up input", () => {
  it("refuses throw-away mailboxes with a field error and accepts work addresses", () => {
    expect(ZWorkEmailSchema.safeParse("Hana@Harbor.example").data).toBe("hana@harbor.example");
    expect(ZWorkEmailSchema.safeParse("x@mailinator.com").success).toBe(false);
  });
  it("normalises a code's case and dashes", () => {
    expect(ZSignupCodeSchema.parse(" k7qm-2xpa-9fhd-rt3c ")).toBe("K7QM2XPA9FHDRT3C");
    expect(ZSignupCodeSchema.safeParse("K7QM-2XPA").success).toBe(false);
  });
  it("names every bad field", () => {
    const result = ZSignupSchema.safeParse({ companyName: "", slug: "-", founderName: "", email: "nope" });
    expect(result.success).toBe(false);
    expect(new Set(result.error?.issues.map((i) => i.path[0]))).toEqual(
      new Set(["companyName", "slug", "founderName", "email"]),
    );
  });
});
