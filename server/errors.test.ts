import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { APP_ERROR_CODES, AppError, describeZodError, notFound, toTRPCError, type AppErrorCode } from "./errors";

function zodErrorOf(schema: z.ZodType, value: unknown): z.ZodError {
  const result = schema.safeParse(value);
  if (result.success) throw new Error("expected the value to be invalid");
  return result.error;
}

describe("describeZodError", () => {
  const schema = z.object({
    email: z.string().email("Enter a valid email address"),
    name: z.string().min(1, "Enter a name").max(5, "Too long"),
    address: z.object({ city: z.string().min(1, "Enter a city") }),
    tags: z.array(z.string().min(2, "Tag too short")),
  });

  it("maps each invalid field (nested paths dotted, array indexes included) to its message", () => {
    const { fieldErrors } = describeZodError(
      zodErrorOf(schema, { email: "nope", name: "", address: { city: "" }, tags: ["ok", "x"] }),
    );
    expect(fieldErrors).toEqual({
      email: "Enter a valid email address",
      name: "Enter a name",
      "address.city": "Enter a city",
      "tags.1": "Tag too short",
    });
  });

  it("makes one readable sentence naming each field", () => {
    const { message } = describeZodError(
      zodErrorOf(schema, { email: "nope", name: "Ada", address: { city: "" }, tags: [] }),
    );
    expect(message).toBe("email: Enter a valid email address; address.city: Enter a city");
  });

  it("keeps only the first message per field", () => {
    const twoRules = z.object({ code: z.string().min(3, "At least 3").regex(/^\d+$/, "Digits only") });
    const { fieldErrors, message } = describeZodError(zodErrorOf(twoRules, { code: "a" }));
    expect(fieldErrors).toEqual({ code: "At least 3" });
    expect(message).toBe("code: At least 3");
  });

  it("reports a problem with the whole input under 'input', without a field prefix", () => {
    const { fieldErrors, message } = describeZodError(zodErrorOf(z.string({ message: "Send text" }), 42));
    expect(fieldErrors).toEqual({ input: "Send text" });
    expect(message).toBe("Send text");
  });

  it("mentions the field for a wrong type", () => {
    const { message, fieldErrors } = describeZodError(
      zodErrorOf(schema, { email: "a@b.test", name: 42, address: { city: "X" }, tags: [] }),
    );
    expect(Object.keys(fieldErrors)).toEqual(["name"]);
    expect(message).toMatch(/^name: /);
  });

  it("falls back to 'Invalid input' for an error without issues", () => {
    expect(describeZodError(new z.ZodError([]))).toEqual({ message: "Invalid input", fieldErrors: {} });
  });
});

describe("AppError", () => {
  it.each([
    ["BAD_REQUEST", 400, "BAD_REQUEST"],
    ["UNAUTHORIZED", 401, "UNAUTHORIZED"],
    ["FORBIDDEN", 403, "FORBIDDEN"],
    ["NOT_FOUND", 404, "NOT_FOUND"],
    ["CONFLICT", 409, "CONFLICT"],
    ["TOO_MANY_REQUESTS", 429, "TOO_MANY_REQUESTS"],
    ["INTERNAL", 500, "INTERNAL_SERVER_ERROR"],
  ] as const)("%s has HTTP status %i and maps to tRPC %s", (code, status, trpcCode) => {
    const error = new AppError(code, "message for the user");
    expect(error.status).toBe(status);
    const mapped = toTRPCError(error);
    expect(mapped).toBeInstanceOf(TRPCError);
    expect(mapped.code).toBe(trpcCode);
    expect(mapped.message).toBe("message for the user");
    expect(mapped.cause).toBe(error);
  });

  it("covers every code with a status", () => {
    expect(Object.keys(APP_ERROR_CODES).sort()).toEqual(
      (
        [
          "BAD_REQUEST",
          "CONFLICT",
          "FORBIDDEN",
          "INTERNAL",
          "NOT_FOUND",
          "TOO_MANY_REQUESTS",
          "UNAUTHORIZED",
        ] satisfies AppErrorCode[]
      ).sort(),
    );
  });

  it("carries field errors, retry-after and the cause", () => {
    const cause = new Error("db said no");
    const error = new AppError("TOO_MANY_REQUESTS", "Slow down", {
      fieldErrors: { email: "Busy" },
      retryAfterSeconds: 60,
      cause,
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("AppError");
    expect(error.fieldErrors).toEqual({ email: "Busy" });
    expect(error.retryAfterSeconds).toBe(60);
    expect(error.cause).toBe(cause);
  });

  it("notFound says what was not found, with status 404", () => {
    const error = notFound("Project");
    expect(error.code).toBe("NOT_FOUND");
    expect(error.status).toBe(404);
    expect(error.message).toBe("Project not found");
  });
});
