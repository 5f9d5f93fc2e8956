import { describe, expect, it } from "vitest";
import { ZKickoffSchema } from "@/lib/schemas/kickoff";
import { describeZodError } from "@/server/errors";
import { fieldError, formErrors, readError } from "@/lib/form-errors";
import { fieldErrorsOf } from "@/lib/read-error";
import { TRPCClientError } from "@trpc/client";
import type { AppRouter } from "@/server/api/root";

describe("formErrors", () => {
  const input = {
    leadId: "ckx0000000000000000000000",
    startDate: "2026-12-14",
    hasUiRequirements: false,
    hasComplianceRequirements: false,
    stakeholders: [{ name: "Dana", email: "not-an-email", role: "PRODUCT_OWNER" }],
  };

  it("keys a nested field by its whole path, where the kickoff form shows it", () => {
    const parsed = ZKickoffSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const errors = formErrors(parsed.error);
    expect(errors["stakeholders.0.email"]).toEqual(expect.any(String));
    expect(errors.stakeholders).toBeUndefined();
  });

  it("gives the server's formatter the same keys as the client form", () => {
    const parsed = ZKickoffSchema.safeParse(input);
    if (parsed.success) throw new Error("expected the bad email to be refused");
    expect(describeZodError(parsed.error).fieldErrors).toEqual(formErrors(parsed.error));
  });

  it("keys an issue about the whole input as input, and finds a field's nested error", () => {
    expect(
      formErrors({ issues: [{ code: "custom", path: [], message: "Nothing to save", input: undefined }] }),
    ).toEqual({ input: "Nothing to save" });
    expect(fieldError({ "events.2": "Unknown event" }, "events")).toBe("Unknown event");
    expect(fieldError({ events: "Choose at least one event", "events.2": "Unknown event" }, "events")).toBe(
      "Choose at least one event",
    );
    expect(fieldError({}, "events")).toBeUndefined();
  });
});

describe("fieldErrorsOf", () => {
  it("reads the formatter's field errors from a tRPC error, and nothing from anything else", () => {
    expect(
      fieldErrorsOf({ data: { code: "BAD_REQUEST", fieldErrors: { "stakeholders.0.email": "Enter a valid email" } } }),
    ).toEqual({
      "stakeholders.0.email": "Enter a valid email",
    });
    expect(fieldErrorsOf({ data: { code: "NOT_FOUND" } })).toEqual({});
    expect(fieldErrorsOf({ data: null })).toEqual({});
    expect(fieldErrorsOf(null)).toEqual({});
  });
});

describe("readError", () => {
  it("reads a real tRPC client error: the formatter's message, field errors and code", () => {
    const error = new TRPCClientError<AppRouter>("Check the highlighted fields", {
      result: {
        error: {
          message: "Check the highlighted fields",
          code: -32600,
          data: {
            code: "BAD_REQUEST",
            httpStatus: 400,
            path: "users.invite",
            fieldErrors: { email: "Enter a valid email" },
          },
        },
      },
    });
    expect(readError(error)).toEqual({
      message: "Check the highlighted fields",
      fieldErrors: { email: "Enter a valid email" },
      code: "BAD_REQUEST",
    });
  });

  it("reads a Server Action's refusal and a network failure, and nothing from no error", () => {
    expect(readError({ message: "This link has expired", fieldErrors: { answers: "Answer every question" } })).toEqual({
      message: "This link has expired",
      fieldErrors: { answers: "Answer every question" },
      code: undefined,
    });
    expect(readError(new TypeError("Failed to fetch"))?.message).toBe(
      "Onward could not be reached. Check your connection and try again.",
    );
    expect(readError(null)).toBeNull();
    expect(readError(undefined)).toBeNull();
  });
});
