import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { ZAcceptInviteSchema } from "./password";

function issueAt(error: z.ZodError | undefined, path: string): string | undefined {
  return error?.issues.find((i) => i.path.map(String).join(".") === path)?.message;
}

describe("ZAcceptInviteSchema: password strength (docs/security.md#passwords)", () => {
  const token = "t".repeat(43);
  const parse = (password: string) => ZAcceptInviteSchema.safeParse({ token, password, confirm: password });

  it.each(["aaaaaaaaaa", "0123456789", "password123", "qwertyuiop", "Summer2024!"])(
    "refuses %s, a long-enough password that is easy to guess, saying why in words",
    (password) => {
      const result = parse(password);
      expect(result.success).toBe(false);
      expect(issueAt(result.error, "password")).toMatch(/^This password is too easy to guess\. \S/);
    },
  );

  it("names the weakness zxcvbn found", () => {
    expect(issueAt(parse("aaaaaaaaaa").error, "password")).toContain('Repeated characters like "aaa"');
  });

  it.each(["correct horse battery", "harbor-founder-2026", "casey-success-2026", "onward-demo-2026"])(
    "accepts %s",
    (password) => {
      expect(parse(password).success).toBe(true);
    },
  );
});

describe("ZAcceptInviteSchema", () => {
  const token = "t".repeat(43);
  const strong = "correct horse battery";

  it("accepts a matching password of at least 10 characters", () => {
    expect(ZAcceptInviteSchema.safeParse({ token, password: strong, confirm: strong }).success).toBe(true);
  });

  it("refuses a confirmation that does not match, on the confirm field", () => {
    const result = ZAcceptInviteSchema.safeParse({ token, password: strong, confirm: `${strong}!` });
    expect(result.success).toBe(false);
    expect(issueAt(result.error, "confirm")).toBe("The passwords do not match");
  });

  it("refuses a password shorter than 10 characters, with that reason only", () => {
    const result = ZAcceptInviteSchema.safeParse({ token, password: "123456789", confirm: "123456789" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.filter((i) => i.path[0] === "password").map((i) => i.message)).toEqual([
      "Use at least 10 characters",
    ]);
  });

  it("refuses a password longer than 200 characters", () => {
    const long = "p".repeat(201);
    expect(issueAt(ZAcceptInviteSchema.safeParse({ token, password: long, confirm: long }).error, "password")).toBe(
      "At most 200 characters",
    );
  });

  it("refuses a token that is too short to be one of ours", () => {
    const result = ZAcceptInviteSchema.safeParse({ token: "short", password: strong, confirm: strong });
    expect(result.success).toBe(false);
    expect(issueAt(result.error, "token")).toBeDefined();
  });
});
