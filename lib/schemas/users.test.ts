import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { ZInviteUserSchema, ZListUsersSchema } from "./users";

/** The first message zod reports for one field path ("a.b"), or undefined. */
function issueAt(error: z.ZodError | undefined, path: string): string | undefined {
  return error?.issues.find((i) => i.path.map(String).join(".") === path)?.message;
}

const staff = { email: "new.person@example.com", name: "New Person", role: "CSM" } as const;
const customer = {
  email: "buyer@customer.test",
  name: "Buyer",
  role: "CUSTOMER",
  customerAccountId: "acc_123",
  stakeholderRole: "PRODUCT_OWNER",
} as const;

describe("ZInviteUserSchema", () => {
  it("accepts a staff invite and defaults isApprover to false", () => {
    const parsed = ZInviteUserSchema.parse(staff);
    expect(parsed).toEqual({ ...staff, isApprover: false });
  });

  it("accepts a customer with an account and a stakeholder role", () => {
    const parsed = ZInviteUserSchema.parse({ ...customer, isApprover: true });
    expect(parsed).toMatchObject({
      role: "CUSTOMER",
      customerAccountId: "acc_123",
      stakeholderRole: "PRODUCT_OWNER",
      isApprover: true,
    });
  });

  it("refuses a customer without an account, naming the field", () => {
    const { customerAccountId: _omit, ...rest } = customer;
    const result = ZInviteUserSchema.safeParse(rest);
    expect(result.success).toBe(false);
    expect(issueAt(result.error, "customerAccountId")).toBe("Choose the customer account this person belongs to");
  });

  it("refuses a customer without a stakeholder role, naming the field", () => {
    const { stakeholderRole: _omit, ...rest } = customer;
    const result = ZInviteUserSchema.safeParse(rest);
    expect(result.success).toBe(false);
    expect(issueAt(result.error, "stakeholderRole")).toBe("Choose their stakeholder role");
  });

  it("refuses a customer with a blank account id (whitespace only)", () => {
    const result = ZInviteUserSchema.safeParse({ ...customer, customerAccountId: "   " });
    expect(result.success).toBe(false);
    expect(issueAt(result.error, "customerAccountId")).toBeDefined();
  });

  it.each([
    ["a customer account", { customerAccountId: "acc_123" }],
    ["a stakeholder role", { stakeholderRole: "MEMBER" }],
    ["approval rights", { isApprover: true }],
  ])("refuses staff with %s", (_label, extra) => {
    const result = ZInviteUserSchema.safeParse({ ...staff, ...extra });
    expect(result.success).toBe(false);
    expect(issueAt(result.error, "role")).toMatch(/Only customer users/);
  });

  it("normalises the email: trimmed and lower-cased", () => {
    const parsed = ZInviteUserSchema.parse({ ...staff, email: "  New.Person@Example.COM \n" });
    expect(parsed.email).toBe("new.person@example.com");
  });

  it.each(["", "not-an-email", "a@", "@b.test", "two words@example.com"])("refuses the email %j", (email) => {
    const result = ZInviteUserSchema.safeParse({ ...staff, email });
    expect(result.success).toBe(false);
    expect(issueAt(result.error, "email")).toBe("Enter a valid email address");
  });

  it("refuses an email longer than 254 characters", () => {
    const result = ZInviteUserSchema.safeParse({ ...staff, email: `${"a".repeat(250)}@example.com` });
    expect(result.success).toBe(false);
    expect(issueAt(result.error, "email")).toBeDefined();
  });

  it("trims the name, accepts 120 characters and refuses 121", () => {
    expect(ZInviteUserSchema.parse({ ...staff, name: "  Ada  " }).name).toBe("Ada");
    expect(ZInviteUserSchema.safeParse({ ...staff, name: "n".repeat(120) }).success).toBe(true);
    const result = ZInviteUserSchema.safeParse({ ...staff, name: "n".repeat(121) });
    expect(result.success).toBe(false);
    expect(issueAt(result.error, "name")).toBe("Names are at most 120 characters");
  });

  it("refuses a blank name", () => {
    const result = ZInviteUserSchema.safeParse({ ...staff, name: "   " });
    expect(issueAt(result.error, "name")).toBe("Enter a name");
  });

  it.each(["GOD", "admin", "", 3])("refuses the role %j with a readable message", (role) => {
    const result = ZInviteUserSchema.safeParse({ ...staff, role });
    expect(result.success).toBe(false);
    expect(issueAt(result.error, "role")).toBe("Choose a role");
  });

  it("refuses a stakeholder role that does not exist", () => {
    const result = ZInviteUserSchema.safeParse({ ...customer, stakeholderRole: "OWNER" });
    expect(result.success).toBe(false);
    expect(issueAt(result.error, "stakeholderRole")).toBeDefined();
  });

  it("refuses wrong types", () => {
    const result = ZInviteUserSchema.safeParse({ ...staff, name: 42, isApprover: "yes" });
    expect(result.success).toBe(false);
    expect(issueAt(result.error, "name")).toBeDefined();
    expect(issueAt(result.error, "isApprover")).toBeDefined();
  });
});

describe("ZListUsersSchema", () => {
  it("defaults to page 1 of 25 and caps the page size at 100", () => {
    expect(ZListUsersSchema.parse({})).toEqual({ page: 1, pageSize: 25 });
    expect(issueAt(ZListUsersSchema.safeParse({ pageSize: 101 }).error, "pageSize")).toBe("At most 100 rows per page");
    expect(issueAt(ZListUsersSchema.safeParse({ page: 0 }).error, "page")).toBe("Pages start at 1");
  });
});
